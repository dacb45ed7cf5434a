import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The rows of «Бланки строгой отчетности»: one per agency agreement and product that has ranges or ran out,
/// with every range, how many numbers are used and left, and whether more must be loaded.
struct BlankStockRow: Encodable {
    struct RangeRow: Encodable {
        var first: String
        var last: String
        var used: Int
        var capacity: Int
        var loadedAt: String
        var loadedBy: String
    }

    var agreement: String
    var agency: String
    var productCode: String
    var product: String
    var ranges: [RangeRow]
    var total: Int
    var used: Int
    var remaining: Int
    /// `BlankSupply` raw value: "ok", "low", "exhausted".
    var supply: String
}

/// What the list can be narrowed to.
struct BlankStockFilter: Codable, Sendable {
    var agreement: String?
    var product: String?
    /// "low" (running low or exhausted) or "exhausted".
    var state: String?
    var page: Int?

    func matches(_ row: BlankStockRow) -> Bool {
        if let agreement = agreement?.trimmed.nonEmpty, row.agreement != agreement { return false }
        if let product = product?.trimmed.nonEmpty, row.productCode != product { return false }
        switch state {
        case "low": return row.supply != BlankSupply.ok.rawValue
        case "exhausted": return row.supply == BlankSupply.exhausted.rawValue
        default: return true
        }
    }
}

enum BlankStockRows {
    /// Every pair, the short ones first, then by agreement number and the catalog's product order. Pairs are few
    /// (agreements × products), so they are grouped in memory.
    static func all(_ req: Request) async throws -> [BlankStockRow] {
        let db = req.db
        let ranges = try await BlankRangeRecord.query(on: db).sort(\.$firstNumber).all()
        let alerts = try await BlankAlert.query(on: db).filter(\.$state != BlankSupply.ok.rawValue).all()
        let agreements = try await AgencyAgreement.query(on: db).with(\.$agency).all()
        let byID = Dictionary(uniqueKeysWithValues: agreements.compactMap { agreement in agreement.id.map { ($0, agreement) } })
        let catalog = try await ProductCatalogStore.catalog(req.application)
        let products = catalog.products(on: ContractService(request: req).today())
        let order = Dictionary(uniqueKeysWithValues: products.enumerated().map { ($1.code, $0) })
        struct Pair: Hashable { var agreement: UUID; var product: String }
        var grouped = Dictionary(grouping: ranges) { Pair(agreement: $0.agreementID, product: $0.productCode) }
        for alert in alerts where grouped[Pair(agreement: alert.agreementID, product: alert.productCode)] == nil {
            grouped[Pair(agreement: alert.agreementID, product: alert.productCode)] = []
        }
        let rows = grouped.map { pair, ranges in
            let agreement = byID[pair.agreement]
            let total = ranges.reduce(0) { $0 + $1.capacity }
            let remaining = ranges.reduce(0) { $0 + $1.remaining }
            return BlankStockRow(
                agreement: agreement?.number ?? "—", agency: agreement?.agency.name ?? "", productCode: pair.product,
                product: products.first { $0.code == pair.product }.map { ProductsNavigation.name($0, req: req) }
                    ?? pair.product,
                ranges: ranges.map {
                    .init(first: $0.firstNumber, last: $0.lastNumber, used: min($0.nextOffset, $0.capacity),
                          capacity: $0.capacity, loadedAt: MoscowTime.dateTime($0.createdAt), loadedBy: $0.createdBy)
                },
                total: total, used: total - remaining, remaining: remaining,
                supply: BlankAlerts.supply(total: total, remaining: remaining).rawValue)
        }
        // What needs loading first: «закончились», then «заканчиваются», then the rest.
        let urgency = [BlankSupply.exhausted.rawValue: 0, BlankSupply.low.rawValue: 1]
        return rows.sorted {
            (urgency[$0.supply] ?? 2, $0.agreement, order[$0.productCode] ?? Int.max, $0.productCode)
                < (urgency[$1.supply] ?? 2, $1.agreement, order[$1.productCode] ?? Int.max, $1.productCode)
        }
    }
}
