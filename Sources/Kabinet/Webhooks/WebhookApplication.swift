import Fluent
import Foundation
import KabinetDomain

/// An application («заявление») as the webhooks tell of it, in the OpenAPI document's `WebhookApplication`: its
/// answers as typed, a file answer by the file's name, the contract it is about and who works it.
extension Components.Schemas.WebhookApplication {
    static func make(_ application: ContractApplication, on db: any Database) async throws -> Self {
        var answers = application.answers
        let fileKeys = try await application.$type.get(on: db).fields.filter { $0.kind == .file }.map(\.key)
        let fileIDs = fileKeys.compactMap { answers[$0].flatMap(UUID.init(uuidString:)) }
        if !fileIDs.isEmpty {
            let files = try await StoredFile.query(on: db).filter(\.$id ~~ fileIDs).field(\.$id).field(\.$filename).all()
            let names = Dictionary(uniqueKeysWithValues: files.compactMap { file in file.id.map { ($0.uuidString, file.filename) } })
            for key in fileKeys { if let id = answers[key] { answers[key] = names[id] ?? id } }
        }
        return Self(
            id: try application.requireID().uuidString, number: application.number, _type: application.typeName,
            status: try WebhookVocabulary.documented(StatusPayload.self, application.status),
            contract: ContractPayload(id: application.$contract.id.uuidString, number: application.contractNumber),
            filedAt: application.createdAt, resolvedAt: application.resolvedAt,
            assigneeId: application.assigneeID?.uuidString, answers: AnswersPayload(additionalProperties: answers))
    }
}
