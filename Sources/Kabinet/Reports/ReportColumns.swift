import Foundation
import KabinetDomain

/// The columns of each report kind: the title (a localisation key), the width in the spreadsheet, and the typed
/// cell of a row. CSV and XLSX are drawn from the same cells, so both files always agree.
struct ReportColumn: Sendable {
    var titleKey: String
    var width: Int
    var cell: @Sendable (ReportRow, ReportLookups) -> XLSXCell
}

enum ReportColumns {
    static func of(_ kind: ReportKind) -> [ReportColumn] {
        switch kind {
        case .sales:
            [number, issued, policyholder, channel, productKind, product, office, owner, status, payment, frequency,
             premium, currency, sumInsured, insured, start, end, paidAt, paidAmount]
        case .payments:
            [number, policyholder, channel, productKind, product, office, owner, issued, premium, currency, paidAt,
             paidAmount]
        }
    }

    static let moscow = MoscowTime.zone

    static let number = ReportColumn(titleKey: "contracts.list.number", width: 14) { row, _ in .text(row.number ?? "") }
    static let issued = ReportColumn(titleKey: "contracts.list.issued", width: 17) { row, _ in
        .dateTime(row.issuedAt, zone: moscow)
    }
    static let policyholder = ReportColumn(titleKey: "contracts.list.policyholder", width: 32) { row, _ in
        .text(row.policyholderName)
    }
    static let channel = ReportColumn(titleKey: "reports.filter.channel", width: 14) { row, names in
        .label(row.channelID.flatMap { names.channels[$0] } ?? "")
    }
    static let productKind = ReportColumn(titleKey: "reports.filter.product_kind", width: 22) { row, names in
        .label(names.kinds[row.productCode] ?? "")
    }
    static let product = ReportColumn(titleKey: "reports.filter.product", width: 22) { row, _ in .label(row.productName) }
    static let office = ReportColumn(titleKey: "reports.filter.office", width: 22) { row, names in
        .label(row.officeID.flatMap { names.offices[$0] } ?? "")
    }
    static let owner = ReportColumn(titleKey: "reports.filter.operator", width: 26) { row, names in
        .label(names.owners[row.ownerID] ?? "")
    }
    static let status = ReportColumn(titleKey: "contracts.list.status", width: 16) { row, names in
        .label(names.statuses[row.status] ?? row.status)
    }
    static let payment = ReportColumn(titleKey: "contracts.list.payment", width: 14) { row, names in
        .label(names.payments[row.paymentStatus] ?? row.paymentStatus)
    }
    static let frequency = ReportColumn(titleKey: "reports.column.frequency", width: 16) { row, names in
        .label(names.frequencies[row.frequency] ?? row.frequency)
    }
    static let premium = ReportColumn(titleKey: "reports.column.premium", width: 14) { row, _ in
        .money(minorUnits: row.premiumMinor)
    }
    static let currency = ReportColumn(titleKey: "reports.column.currency", width: 8) { row, _ in .label(row.currency) }
    static let sumInsured = ReportColumn(titleKey: "reports.column.sum_insured", width: 16) { row, _ in
        .money(minorUnits: row.sumInsuredMinor)
    }
    static let insured = ReportColumn(titleKey: "reports.column.insured", width: 10) { row, _ in
        .integer(Int64(row.insuredCount))
    }
    /// Days of the insurance period are stored as noon UTC, so the UTC day is the day.
    static let start = ReportColumn(titleKey: "reports.basis.start", width: 12) { row, _ in .date(day(row.startDate)) }
    static let end = ReportColumn(titleKey: "reports.basis.end", width: 12) { row, _ in .date(day(row.endDate)) }
    static let paidAt = ReportColumn(titleKey: "reports.column.paid_at", width: 17) { row, _ in
        row.paidAt.map { .dateTime($0, zone: moscow) } ?? .empty
    }
    static let paidAmount = ReportColumn(titleKey: "reports.column.paid_amount", width: 14) { row, _ in
        row.paidAmountMinor.map { .money(minorUnits: $0) } ?? .empty
    }

    static func day(_ noon: Date) -> CalendarDate {
        CalendarDate(dayNumber: Int((noon.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
