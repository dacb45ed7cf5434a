import Foundation
import KabinetDomain

/// The act as an XLSX workbook, written with the reports module's `XLSXWriter`: typed cells (money as numbers,
/// payment days as dates), one row per contract and a total row per currency, so an accountant can check the sum.
/// Made on each download (an act has a few hundred lines at most) and not stored.
enum CommissionActXLSX {
    static var available: Bool { true }

    /// A `StoredFile` used only as a download (never saved).
    static func file(for view: CommissionActView, text: (String) -> String) throws -> StoredFile? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("act-\(UUID().uuidString).xlsx").path
        let writer = try XLSXWriter(path: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            try writer.beginSheet(text("commission.act.title"),
                                  header: CommissionActColumns.headers(text) + [text("commission.column.currency")],
                                  widths: [14, 32, 18, 16, 12, 10, 14, 8])
            for line in view.lines {
                try writer.append([
                    .text(line.contractNumber), .text(line.policyholder), .label(line.productName),
                    .money(minorUnits: line.paidMinor), line.paidDay.map(XLSXCell.date) ?? .text(line.paidOn),
                    .number(DecimalRounding.parse(line.percent) ?? 0, decimals: 2), .money(minorUnits: line.commissionMinor),
                    .label(line.currency),
                ])
            }
            for total in view.totals.totals {
                try writer.append([
                    .label(text("commission.act.totals")), .integer(Int64(total.count)), .empty,
                    .money(minorUnits: total.paid.minorUnits), .empty, .empty, .money(minorUnits: total.commission.minorUnits),
                    .label(total.paid.currency.rawValue),
                ])
            }
            try writer.finish()
        } catch {
            writer.discard()
            throw error
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return StoredFile(contractID: nil, kind: "commission_act", filename: view.filename("xlsx"),
                          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          data: data, signed: false, createdBy: "system")
    }
}
