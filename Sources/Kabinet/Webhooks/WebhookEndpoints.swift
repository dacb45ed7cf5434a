import Fluent
import Foundation
import Vapor

/// Adding and removing endpoints, each with its audit entry (the secret never goes into the trail).
struct WebhookEndpoints: Sendable {
    let database: any Database
    let audit: Audit
    let actor: Actor
    let secrets: SecretBox

    /// A new endpoint with its secret in the clear, to be shown once.
    struct Created {
        var endpoint: WebhookEndpoint
        var secret: String
    }

    static let maxNameLength = 100
    static let maxURLLength = 500

    /// The new endpoint and its secret, or the problems of the form.
    func create(name rawName: String?, url rawURL: String?, events: [String]) async throws -> Created {
        let name = (rawName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let url = (rawURL ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [FieldProblem] = []
        if name.isEmpty { problems.append(FieldProblem(field: "name", key: "webhooks.error.name_required")) }
        else if name.count > Self.maxNameLength { problems.append(FieldProblem(field: "name", key: "webhooks.error.name_long")) }
        if let problem = Self.urlProblem(url) { problems.append(FieldProblem(field: "url", key: problem)) }
        let known = Set(WebhookEvents.subscribable.map(\.rawValue))
        let chosen = WebhookEvents.subscribable.map(\.rawValue).filter(events.contains)
        if chosen.isEmpty || !Set(events).isSubset(of: known) {
            problems.append(FieldProblem(field: "events", key: "webhooks.error.events"))
        }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        let secret = SecretToken.generate()
        let endpoint = WebhookEndpoint(name: name, url: url, sealedSecret: try secrets.seal(secret), events: chosen,
                                       createdBy: actor.login)
        try await database.transaction { db in
            try await endpoint.create(on: db)
            try await audit.on(db).record("webhook.created", entity: "webhook_endpoint", id: endpoint.id?.uuidString,
                                          summary: "Добавлен адрес уведомлений «\(name)»: \(url)", after: endpoint.snapshot)
        }
        return Created(endpoint: endpoint, secret: secret)
    }

    func delete(_ endpoint: WebhookEndpoint) async throws {
        let id = try endpoint.requireID()
        try await database.transaction { db in
            try await WebhookDelivery.query(on: db).filter(\.$endpointID == id).delete()
            try await endpoint.delete(on: db)
            try await audit.on(db).record("webhook.deleted", entity: "webhook_endpoint", id: id.uuidString,
                                          summary: "Удалён адрес уведомлений «\(endpoint.name)»", before: endpoint.snapshot)
        }
    }

    /// An absolute http(s) address with a host and no user or password in it (they would end up on pages and
    /// in logs); nil when fine, else the message key.
    static func urlProblem(_ text: String) -> String? {
        if text.isEmpty { return "webhooks.error.url_required" }
        guard text.count <= maxURLLength, let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty, components.user == nil, components.password == nil
        else { return "webhooks.error.url" }
        return nil
    }
}
