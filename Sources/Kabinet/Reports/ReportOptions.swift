import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// The choices of the report form for one user: the contract list's operators, offices and products (what they
/// may see, so a report cannot be narrowed to someone hidden), plus the sales channels and the product kinds.
/// The same lists check what was posted.
struct ReportOptions: Sendable {
    typealias Choice = ContractListOptions.Choice

    var channels: [Choice]
    var productKinds: [Choice]
    var products: [Choice]
    var offices: [Choice]
    var operators: [Choice]
    /// Product code → kind, for narrowing «Продукт» by «Тип продукта».
    var kindOfProduct: [String: ProductKind]

    static func load(for actor: Actor, on req: Request) async throws -> ReportOptions {
        let list = try await ContractListOptions.load(for: actor, on: req)
        let catalog = try await ProductCatalogStore.catalog(req.application)
        var kinds: [String: ProductKind] = [:]
        for product in catalog.definitions { kinds[product.code] = product.kind }
        let english = req.locale == "en"
        let present = Set(kinds.values)
        return ReportOptions(
            channels: try await channels(for: actor, on: req.db),
            productKinds: ProductKind.allCases.filter(present.contains).map {
                Choice(id: $0.rawValue, label: english ? $0.englishName : $0.russianName)
            },
            products: list.products, offices: list.offices, operators: list.operators, kindOfProduct: kinds)
    }

    /// Everyone's channels for the back office; the agency's channel within an agency; the users' own otherwise.
    private static func channels(for actor: Actor, on db: any Database) async throws -> [Choice] {
        let sql = try AdminListQuery.sql(db)
        var select = sql.select().columns("id", "name").from(SalesChannel.schema)
        switch actor.subject.visibility {
        case .everything: break
        case .agency(let agency):
            select = select.where("id", .in, SQLGroupExpression(sql.select().column("channel_id").from(Agency.schema)
                .where("id", .equal, SQLBind(agency)).select))
        case .owners(let owners):
            select = select.where("id", .in, SQLGroupExpression(sql.select().column("channel_id").from(User.schema)
                .where("id", .in, SQLGroupExpression(owners.map { SQLBind($0) })).select))
        }
        struct Row: Decodable { var id: UUID; var name: String }
        return try await select.orderBy("name").all(decoding: Row.self).map { Choice(id: $0.id.uuidString, label: $0.name) }
    }
}
