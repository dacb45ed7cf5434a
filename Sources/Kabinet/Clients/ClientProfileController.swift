import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The client's profile (seed: «Покин Иван Сергеевич / 34 года: 23.01.1986 г. р. / моб. тел. / Редактировать /
/// + Оформить / КОММЕНТАРИЙ») with the client's contracts, and the reason when another agent holds the client.
struct ClientProfileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", ":id", use: profile)
    }

    struct ContractRow: Encodable {
        var path: String
        var number: String
        var product: String
        var status: String
        var role: String
        var issued: String
        /// Another seller's contract: listed, but its card is that seller's.
        var linked: Bool
    }

    struct ProfileContent: Encodable {
        var id: UUID
        var fullName: String
        var age: String
        var phone: String?
        var email: String
        var document: String?
        var comment: String?
        var inOwnBase: Bool
        var canEdit: Bool
        var canIssue: Bool
        /// «Клиент закреплён за другим агентом…»: why editing and «+ Оформить» are not offered.
        var lockReason: String?
        var boundToMe: Bool
        var state: String
        var contracts: [ContractRow]
    }

    func profile(req: Request) async throws -> Response {
        let actor = try req.actor
        let visible = try await ClientAccess.load(req, .view)
        let client = visible.client
        let english = req.locale == "en"
        let today = QuoteService(request: req).today()
        let age = client.birth.map {
            english ? ClientAge.english(birthDate: $0, today: today) : ClientAge.russian(birthDate: $0, today: today)
        } ?? ""
        let kind = client.documentKind.flatMap(ClientDocumentKind.init(rawValue:))
        let document = kind.map { kind in
            let issued = client.documentIssueDate.flatMap(CalendarDate.init).map { ", " + req.t("clients.document.issued", $0.russian) } ?? ""
            return (english ? kind.englishName : kind.russianName) + " " + (client.documentNumber ?? "") + issued
        }
        var rows: [ContractRow] = []
        var sold = false
        for (contract, role) in try await ClientContracts(database: req.db).contracts(of: client) {
            sold = sold || contract.contractStatus.isSigned
            rows.append(ContractRow(
                path: "/contracts/\(contract.id!)", number: contract.number ?? "—", product: contract.productName,
                status: req.t(contract.contractStatus.messageKey), role: req.t("clients.role.\(role)"),
                issued: MoscowTime.date(contract.issuedAt),
                linked: actor.subject.canSee(contract.ownership)))
        }
        let locked = visible.lock != nil
        let state = locked ? "locked" : sold ? "active" : "potential"
        return try await req.page("clients/profile", title: "clients.profile", ProfileContent(
            id: visible.id, fullName: client.fullName, age: age, phone: client.phoneNumber?.formatted,
            email: client.email, document: document, comment: visible.membership.flatMap { $0.comment.isEmpty ? nil : $0.comment },
            inOwnBase: visible.membership != nil,
            canEdit: !locked && Authorizer.may(actor, .edit, in: .clients),
            canIssue: !locked && Authorizer.may(actor, .view, in: .products) && Authorizer.may(actor, .create, in: .contracts),
            lockReason: locked ? req.t("clients.locked") : nil,
            boundToMe: client.boundAgentID == actor.userID,
            state: req.t("clients.state.\(state)"), contracts: rows))
    }
}
