import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «База клиентов»: the search, the table (ФИО, Дата рождения, Телефон, Комментарий, Э-Почта) with pages,
/// «Выгрузить в CSV» of the whole search, and «Удалить» of the ticked clients after «Вы уверены?».
struct ClientListController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", use: list)
        routes.get("clients", "export.csv", use: export)
        routes.post("clients", "delete", use: delete)
    }

    struct Row: Encodable {
        var id: UUID
        var fullName: String
        var birthDate: String
        var phone: String
        var comment: String
        var email: String
        /// «Потенциальный» / «Действующий» / «Закреплён за другим агентом».
        var state: String
        var stateClass: String
        /// In the actor's own base: the row has a checkbox for «Удалить».
        var own: Bool
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var filter: ClientListFilter
        var paging: Paging.Links
        var canAdd: Bool
        var canDelete: Bool
        var exportLink: String?
    }

    /// The export walks the search in chunks of this many clients.
    static let exportChunk = 500

    func list(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .clients)
        let filter = try req.query.decode(ClientListFilter.self)
        let paging = Paging(page: filter.page)
        let query = ClientListQuery.query(filter, actor: actor, on: req.db)
        let total = try await query.count()
        let clients = try await Self.ordered(query.copy()).range(paging.offset..<(paging.offset + paging.size)).all()
        return try await req.page("clients/list", title: "clients.title", ListContent(
            rows: try await Self.rows(clients, actor: actor, req: req), filter: filter, paging: paging.links(total: total, request: req),
            canAdd: Authorizer.may(actor, .create, in: .clients), canDelete: Authorizer.may(actor, .edit, in: .clients),
            exportLink: Authorizer.may(actor, .export, in: .clients) && total > 0 ? req.exportLink("/clients/export.csv") : nil))
    }

    /// Every client of the search in the list's order, with the list's columns and «Статус».
    func export(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .export, in: .clients)
        let filter = try req.query.decode(ClientListFilter.self)
        try await req.audit.record("client.list.exported", entity: "client", id: nil,
                                   summary: "Выгрузка базы клиентов в CSV", after: filter)
        let titles = ["clients.col.name", "clients.col.birth", "clients.col.phone", "clients.col.comment", "clients.col.email",
                      "clients.col.state"].map { req.t($0) }
        return CSVDownload.response(name: "clients", titles: titles) { emit in
            try await Self.ordered(ClientListQuery.query(filter, actor: actor, on: req.db)).forEachChunk(of: Self.exportChunk) { clients in
                try await emit(try await Self.rows(clients, actor: actor, req: req).map {
                    [$0.fullName, $0.birthDate, $0.phone, $0.comment, $0.email, $0.state]
                })
            }
        }
    }

    /// By name, then birth date; the id last, so chunks of the export neither repeat nor skip a namesake.
    private static func ordered(_ query: QueryBuilder<ClientRecord>) -> QueryBuilder<ClientRecord> {
        query.sort(\.$searchName).sort(\.$birthDate).sort(\.$id)
    }

    /// The table's lines. The clients are first brought up to date with their contracts, so «Действующий» and the
    /// lock are current.
    private static func rows(_ clients: [ClientRecord], actor: Actor, req: Request) async throws -> [Row] {
        let contracts = ClientContracts(database: req.db)
        for client in clients { try await contracts.refresh(client) }
        let ids = clients.compactMap(\.id)
        let own = try await ClientMembership.query(on: req.db).filter(\.$client.$id ~~ ids)
            .filter(\.$agentID == actor.userID).all()
        let comments = Dictionary(own.map { ($0.$client.id, $0.comment) }, uniquingKeysWith: { first, _ in first })
        let sold = try await ClientListQuery.sold(ids, on: req.db)
        return try clients.map { client in
            let id = try client.requireID()
            let state = ClientRules.lock(boundAgent: client.boundAgentID, for: actor.userID) != nil
                ? "locked" : sold.contains(id) ? "active" : "potential"
            return Row(id: id, fullName: client.fullName, birthDate: client.birth?.russian ?? "",
                       phone: client.phoneNumber?.formatted ?? "", comment: comments[id] ?? "", email: client.email,
                       state: req.t("clients.state.\(state)"), stateClass: state, own: comments[id] != nil)
        }
    }

    struct DeleteForm: Content {
        var ids: [UUID]?
        /// "1" once «Удалить» is pressed in «Вы уверены?».
        var confirm: String?
    }

    struct ConfirmContent: Encodable {
        var clients: [Named]
        var refused: [Named]
        struct Named: Encodable { var id: UUID; var fullName: String }
    }

    /// The first POST asks «Вы уверены?»; the second (`confirm=1`) deletes all the ticked clients or none.
    func delete(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .edit, in: .clients)
        let form = try req.content.decode(DeleteForm.self)
        let ids = Array(Set(form.ids ?? []))
        guard !ids.isEmpty else { return req.redirect(to: "/clients", flash: "clients.delete.none") }
        let found = try await ClientRecord.query(on: req.db).filter(\.$id ~~ ids).all()
        guard found.count == ids.count else { throw AppError.notFound }
        var visible: [VisibleClient] = []
        for client in found {
            let one = try await ClientAccess.visible(client, to: actor, .edit, on: req.db)
            guard one.membership != nil else { throw AppError.notFound }
            visible.append(one)
        }
        let sold = try await ClientListQuery.sold(ids, on: req.db)
        let named = visible.map { ConfirmContent.Named(id: $0.id, fullName: $0.client.fullName) }
        let refused = named.filter { ClientRules.deletion(hasSoldPolicy: sold.contains($0.id)) != nil }
        guard form.confirm == "1", refused.isEmpty else {
            return try await req.page("clients/delete", title: "clients.delete.title",
                                      ConfirmContent(clients: named, refused: refused),
                                      status: refused.isEmpty ? .ok : .conflict)
        }
        try await ClientRegistry(database: req.db, audit: req.audit, actor: actor).delete(visible)
        return req.redirect(to: "/clients", flash: "clients.deleted")
    }
}
