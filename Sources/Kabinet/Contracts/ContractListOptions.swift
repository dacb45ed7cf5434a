import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// The choices of the list's dropdowns for one user: the operators and offices they may see, and the products.
/// The same lists check what was chosen, so a hand-edited URL cannot filter by someone the user may not see.
struct ContractListOptions: Sendable {
    struct Choice: Sendable {
        var id: String
        var label: String
    }

    var operators: [Choice]
    var offices: [Choice]
    var products: [Choice]

    /// The owners' full names by id, for the «Оператор» column.
    var operatorNames: [String: String] {
        Dictionary(operators.map { ($0.id, $0.label) }) { first, _ in first }
    }

    static func load(for actor: Actor, on req: Request) async throws -> ContractListOptions {
        let sql = try AdminListQuery.sql(req.db)
        let visibility = actor.subject.visibility
        struct Person: Decodable { var id: UUID; var full_name: String }
        var people = sql.select().columns("id", "full_name").from(User.schema)
        switch visibility {
        case .everything: break
        case .agency(let agency): people = people.where("agency_id", .equal, SQLBind(agency))
        case .owners(let owners): people = people.where("id", .in, SQLGroupExpression(owners.map { SQLBind($0) }))
        }
        let users = try await people.orderBy("full_name").orderBy("id").all(decoding: Person.self)

        struct Place: Decodable { var id: UUID; var name: String; var agency: String }
        var places = sql.select()
            .column(SQLColumn("id", table: Office.schema)).column(SQLColumn("name", table: Office.schema))
            .column(SQLColumn("name", table: Agency.schema), as: "agency")
            .from(Office.schema)
            .join(Agency.schema, on: SQLColumn("agency_id", table: Office.schema), .equal, SQLColumn("id", table: Agency.schema))
        switch visibility {
        case .everything: break
        case .agency(let agency): places = places.where(SQLColumn("agency_id", table: Office.schema), .equal, SQLBind(agency))
        case .owners(let owners):
            let sub = sql.select().column("office_id").from(User.schema)
                .where("id", .in, SQLGroupExpression(owners.map { SQLBind($0) }))
            places = places.where(SQLColumn("id", table: Office.schema), .in, SQLGroupExpression(sub.select))
        }
        let offices = try await places.orderBy(SQLColumn("name", table: Agency.schema))
            .orderBy(SQLColumn("name", table: Office.schema)).all(decoding: Place.self)

        let catalog = try await ProductCatalogStore.catalog(req.application)
        var latest: [String: ProductDefinition] = [:]
        for product in catalog.definitions where (latest[product.code]?.version ?? "") <= product.version {
            latest[product.code] = product
        }
        let products = latest.values.sorted { ($0.sortOrder, $0.name, $0.code) < ($1.sortOrder, $1.name, $1.code) }
        return ContractListOptions(
            operators: users.map { Choice(id: $0.id.uuidString, label: $0.full_name) },
            offices: offices.map { Choice(id: $0.id.uuidString, label: "\($0.agency), \($0.name)") },
            products: products.map { Choice(id: $0.code, label: ProductsNavigation.name($0, req: req)) })
    }

    /// Problems with chosen values that are not among the choices.
    func check(_ filter: ContractListFilter) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let owner = filter.ownerID, !operators.contains(where: { $0.id == owner.uuidString }) {
            problems.append(FieldProblem(field: "operator", key: "contracts.list.error.choice"))
        }
        if let office = filter.officeID, !offices.contains(where: { $0.id == office.uuidString }) {
            problems.append(FieldProblem(field: "office", key: "contracts.list.error.choice"))
        }
        if let product = filter.productCode, !products.contains(where: { $0.id == product }) {
            problems.append(FieldProblem(field: "product", key: "contracts.list.error.choice"))
        }
        return problems
    }
}
