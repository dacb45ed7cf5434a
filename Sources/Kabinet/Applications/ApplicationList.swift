import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Заявления»: the agent's own applications, and for the back office the queue of everything they may see,
/// with the same filters; the visibility rule is the Authorizer's (`AccessSubject.visibility`), never a role check.
struct ApplicationList {
    let request: Request

    struct Row: Encodable {
        var id: UUID
        var number: Int
        var createdAt: String
        var type: String
        var contractID: UUID
        var contractNumber: String
        var owner: String
        var status: String
        var statusCode: String
        var assignee: String?
    }

    struct ListContent: Encodable {
        var filter: ApplicationListFilter
        var errors: [String: String]
        var statuses: [SelectOption]
        var types: [SelectOption]
        var assignees: [SelectOption]
        var backOffice: Bool
        var canCreate: Bool
        var canManageTypes: Bool
        var rows: [Row]
        var paging: Paging.Links
        var exportLink: String?
    }

    /// The export walks the list in chunks of this many applications.
    static let exportChunk = 500

    /// The filters as typed, what they mean, and what is wrong with them.
    private struct Selection {
        var filter: ApplicationListFilter
        var parsed: ApplicationListFilter.Parsed
        var problems: [FieldProblem]
        var types: [ApplicationType]
        var operators: [User]
        var backOffice: Bool
    }

    private func selection(actor: Actor) async throws -> Selection {
        let filter = (try? request.query.decode(ApplicationListFilter.self)) ?? ApplicationListFilter()
        let types = try await ApplicationType.query(on: request.db).sort(\.$name).all()
        let backOffice = Authorizer.may(actor, .changeStatus, in: .applications)
        let operators = backOffice ? try await ApplicationService(request: request).operators() : []
        let (parsed, problems) = filter.parse(actor: actor, typeIDs: types.compactMap(\.id), operatorIDs: operators.compactMap(\.id))
        return Selection(filter: filter, parsed: parsed, problems: problems, types: types, operators: operators, backOffice: backOffice)
    }

    func content(actor: Actor) async throws -> (ListContent, valid: Bool) {
        let selection = try await selection(actor: actor)
        let (filter, problems, types, operators, backOffice) =
            (selection.filter, selection.problems, selection.types, selection.operators, selection.backOffice)
        let paging = Paging(page: filter.page)
        var rows: [Row] = []
        var total = 0
        if problems.isEmpty {
            let query = self.query(actor: actor, selection.parsed)
            total = try await query.count()
            let page = try await Self.ordered(query.copy()).range(paging.offset..<(paging.offset + paging.size)).all()
            rows = try await self.rows(page)
        }
        let t = { (key: String) in self.request.t(key) }
        var assignees = [SelectOption(value: "me", label: t("applications.list.assignee_me"), selected: filter.assignee == "me"),
                         SelectOption(value: "none", label: t("applications.list.assignee_none"), selected: filter.assignee == "none")]
        assignees += operators.compactMap { user in
            user.id.map { SelectOption(value: $0.uuidString, label: user.fullName, selected: filter.assignee == $0.uuidString) }
        }
        return (ListContent(
            filter: filter, errors: request.messages(for: problems),
            statuses: ApplicationStatus.allCases.map { SelectOption(value: $0.rawValue, label: t($0.messageKey), selected: filter.status == $0.rawValue) },
            types: types.compactMap { type in type.id.map { SelectOption(value: $0.uuidString, label: type.name, selected: filter.type == $0.uuidString) } },
            assignees: assignees, backOffice: backOffice, canCreate: Authorizer.may(actor, .create, in: .applications),
            canManageTypes: Authorizer.may(actor, .manage, in: .applications),
            rows: rows, paging: paging.links(total: total, request: request),
            exportLink: Authorizer.may(actor, .export, in: .applications) && total > 0
                ? request.exportLink("/applications/export.csv") : nil), problems.isEmpty)
    }

    /// «Выгрузить в CSV»: every application of the filters in the list's order with the table's columns; nil when
    /// the filters cannot be used (the caller shows the list with their messages).
    func export(actor: Actor) async throws -> Response? {
        let selection = try await selection(actor: actor)
        guard selection.problems.isEmpty else { return nil }
        try await request.audit.record("application.list.exported", entity: "application", id: nil,
                                       summary: "Выгрузка списка заявлений в CSV", after: selection.filter)
        let titles = ["applications.number", "applications.filed_at", "applications.list.type", "applications.contract",
                      "applications.owner", "applications.list.status", "applications.list.assignee"].map { request.t($0) }
        return CSVDownload.response(name: "applications", titles: titles) { emit in
            try await Self.ordered(query(actor: actor, selection.parsed)).forEachChunk(of: Self.exportChunk) { applications in
                try await emit(try await rows(applications).map {
                    [String($0.number), $0.createdAt, $0.type, $0.contractNumber, $0.owner, $0.status, $0.assignee ?? "—"]
                })
            }
        }
    }

    /// Newest first; the id last, so chunks of the export neither repeat nor skip one.
    private static func ordered(_ query: QueryBuilder<ContractApplication>) -> QueryBuilder<ContractApplication> {
        query.sort(\.$createdAt, .descending).sort(\.$number, .descending).sort(\.$id)
    }

    private func query(actor: Actor, _ filter: ApplicationListFilter.Parsed) -> QueryBuilder<ContractApplication> {
        let query = ContractApplication.query(on: request.db)
        switch actor.subject.visibility {
        case .everything: break
        case .agency(let agency): query.filter(\.$agencyID == agency)
        case .owners(let owners): query.filter(\.$ownerID ~~ Array(owners))
        }
        if let status = filter.status { query.filter(\.$status == status.rawValue) }
        if let type = filter.typeID { query.filter(\.$type.$id == type) }
        if let from = filter.from { query.filter(\.$createdAt >= from) }
        if let to = filter.to { query.filter(\.$createdAt < to) }
        switch filter.assignee {
        case nil: break
        case .nobody?: query.filter(\.$assigneeID == nil)
        case .user(let id)?: query.filter(\.$assigneeID == id)
        }
        if let number = filter.number { query.filter(\.$contractNumber =~ number) }
        return query
    }

    private func rows(_ applications: [ContractApplication]) async throws -> [Row] {
        let userIDs = Set(applications.flatMap { [$0.ownerID] + ($0.assigneeID.map { [$0] } ?? []) })
        let names = Dictionary(uniqueKeysWithValues: try await User.query(on: request.db).filter(\.$id ~~ Array(userIDs)).all()
            .compactMap { user in user.id.map { ($0, user.fullName) } })
        return try applications.map { application in
            Row(id: try application.requireID(), number: application.number, createdAt: MoscowTime.dateTime(application.createdAt),
                type: application.typeName, contractID: application.$contract.id, contractNumber: application.contractNumber,
                owner: names[application.ownerID] ?? "—", status: request.t(application.applicationStatus.messageKey),
                statusCode: application.status, assignee: application.assigneeID.flatMap { names[$0] })
        }
    }
}
