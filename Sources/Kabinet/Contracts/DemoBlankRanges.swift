import Fluent
import Foundation
import KabinetDomain
import Vapor

/// БСО ranges for the demo: a thousand numbers for every demo agency agreement and product, so a fresh install
/// can issue contracts at once. Numbers follow the seed's style, «55» + agreement + product + serial:
/// 5520100000–5520100999 for the first agreement and «Продукт 1», distinct for every pair.
enum DemoBlankRanges {
    static let size = 1000

    static func load(into app: Application) async throws {
        let products = try await ProductCatalogStore.catalog(app)
            .products(on: MoscowTime.today())
        let agreements = try await AgencyAgreement.query(on: app.db).sort(\.$number).all()
        try await app.db.transaction { db in
            for (agreementIndex, agreement) in agreements.enumerated() {
                for (productIndex, product) in products.enumerated() {
                    let first = firstNumber(agreement: agreementIndex, product: productIndex)
                    let last = String(UInt64(first)! + UInt64(size - 1))
                    try await BlankRangeRecord(agreementID: try agreement.requireID(), productCode: product.code,
                                               first: first, last: last, createdBy: "demo").create(on: db)
                }
            }
        }
    }

    /// «55», the agreement's position from 2, the product's position from 01, then five zeros: 10 digits.
    static func firstNumber(agreement: Int, product: Int) -> String {
        "55" + String(agreement + 2) + String(format: "%02d", product + 1) + "00000"
    }
}
