import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The signing part of the contract card: «Отправить документы на e-mail», where the client is, the documents.
struct SigningCardPanel: Encodable {
    struct Step: Encodable {
        var at: String
        var text: String
    }

    struct Document: Encodable {
        var url: String
        var filename: String
        var note: String
    }

    var canSend: Bool
    /// «Отправить документы на e-mail» resends the originals on a signed contract (seed FAQ).
    var sendLabel: String
    var email: String?
    var stage: String?
    var steps: [Step]
    var documents: [Document]
    var canUploadScans: Bool
    var hasEvidence: Bool
    /// Poll for the client's progress while something can still change without the agent.
    var live: Bool

    static func make(_ contract: Contract, actor: Actor, req: Request) async throws -> SigningCardPanel {
        let contractID = try contract.requireID()
        let status = contract.contractStatus
        let mayEdit = Authorizer.may(actor, .edit, in: .contracts)
        let signing = try await SigningService(database: req.db, application: req.application).current(contractID)
        let events = try await signing.asyncMap { signing in
            try await SigningEvent.query(on: req.db).filter(\.$signingID == signing.requireID()).sort(\.$at).all()
        } ?? []
        let files = try await ContractDocuments(application: req.application, database: req.db).latest(of: contractID)
        return SigningCardPanel(
            canSend: mayEdit && (status == .draft || status.isSigned),
            sendLabel: req.t("signing.send"),
            email: signing?.email,
            stage: signing.map { req.t("signing.stage.\($0.stage.rawValue)") },
            steps: events.map { Step(at: MoscowTime.dateTime($0.at), text: req.t("signing.step.\($0.step)")) },
            documents: files.filter { $0.kind != "protocol" }.map {
                Document(url: "/contracts/\(contractID)/files/\($0.id!)", filename: $0.filename,
                         note: $0.kind == "scan" ? req.t("signing.document.scan") : req.t($0.signed ? "signing.document.signed" : "signing.document.sample"))
            },
            canUploadScans: mayEdit && status.isSigned,
            hasEvidence: signing != nil,
            live: signing != nil && (status == .draft || contract.paymentStatus == PaymentStatus.unpaid.rawValue)
                && status != .cancelled && status != .erroneous)
    }
}
