import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Demo commission rates: every product under every demo agreement from 01.01.2024, at a few different percentages
/// (one with a fraction), so a fresh install can make acts as soon as contracts are paid.
enum DemoCommission {
    static let percents: [Decimal] = [10, Decimal(string: "12.5")!, 8, Decimal(string: "7.35")!]

    static func loadRates(into app: Application) async throws {
        let agreements = try await AgencyAgreement.query(on: app.db).sort(\.$number).all()
        let codes = Set(try await ProductCatalogStore.catalog(app).definitions.map(\.code)).sorted()
        let start = CalendarDate(year: 2024, month: 1, day: 1)!
        var records: [CommissionRateRecord] = []
        for (index, agreement) in agreements.enumerated() {
            for (offset, code) in codes.enumerated() {
                let rate = CommissionRate(agreement: agreement.number, productCode: code,
                                          percent: percents[(index + offset) % percents.count], validFrom: start)
                records.append(CommissionRateRecord(agreementID: try agreement.requireID(), rate: rate, createdBy: "demo"))
            }
        }
        if !records.isEmpty { try await records.create(on: app.db) }
    }
}
