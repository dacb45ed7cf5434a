import Fluent
import Foundation
import KabinetDomain
import Vapor

/// An act with what every rendering of it needs (card, PDF, XLSX): the lines, the totals, the agency's name and
/// the texts of the month and status, so the three show the same figures.
struct CommissionActView {
    let act: CommissionAct
    let lines: [CommissionActLine]
    let agencyName: String

    var totals: ActTotals { lines.totals }

    static func load(_ act: CommissionAct, on db: any Database) async throws -> CommissionActView {
        let lines = try await CommissionActLine.query(on: db).filter(\.$actID == act.requireID()).sort(\.$position).all()
        let agency = try await Agency.find(act.agencyID, on: db)
        return CommissionActView(act: act, lines: lines, agencyName: agency?.name ?? "—")
    }

    /// «Октябрь 2026» / «October 2026».
    static func monthTitle(_ month: ActMonth?, text: (String) -> String) -> String {
        guard let month else { return "—" }
        return text("commission.month.\(month.month)") + " " + String(month.year)
    }

    /// "5 740,00 ₽; 30,00 $" — one amount per currency, or a zero in roubles for an empty act.
    static func amounts(_ values: [Money], format: (Money) -> String) -> String {
        values.isEmpty ? format(.zero(.RUB)) : values.map(format).joined(separator: "; ")
    }

    /// The file name of a download: «Акт_1000002_2026-10.pdf».
    func filename(_ ext: String) -> String {
        "Акт_\(act.agreementNumber)_\(act.month).\(ext)"
    }
}
