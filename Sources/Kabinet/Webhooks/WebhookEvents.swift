import Fluent
import Foundation
import KabinetDomain

/// Tells the company's systems what happened to a contract or an application. Each event becomes one delivery per
/// endpoint, written in the transaction of the change itself: a change is never announced without happening, nor
/// lost when the process stops before sending. A job sends each delivery and retries it.
///
/// The bodies are the OpenAPI document's `WebhookContractEvent`, `WebhookApplicationEvent` and `WebhookPing`, made
/// with the types generated from it: `{"id", "event", "occurred_at", "action"?, "contract" | "application"}`.
enum WebhookEvents {
    static let deliverJob = "webhook.deliver"
    /// Attempts over about two and a half hours with the job system's backoff; then the delivery is marked failed.
    static let maxAttempts = 12

    struct DeliverPayload: Codable, Sendable {
        var deliveryID: UUID
    }

    enum Event: String, CaseIterable {
        case contractCreated = "contract.created"
        /// A status, payment or «требуется работа» change, an edit, new personal data; `action` names it.
        case contractChanged = "contract.changed"
        case applicationFiled = "application.filed"
        /// Taken, completed, rejected or assigned by the back office; `action` names it.
        case applicationChanged = "application.changed"
        /// «Отправить тест» on the admin page.
        case ping
    }

    /// An event's body, in the OpenAPI document's schema for its kind (`webhooks` there).
    enum Body: Encodable {
        case contract(Components.Schemas.WebhookContractEvent)
        case application(Components.Schemas.WebhookApplicationEvent)
        case ping(Components.Schemas.WebhookPing)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .contract(let body): try body.encode(to: encoder)
            case .application(let body): try body.encode(to: encoder)
            case .ping(let body): try body.encode(to: encoder)
            }
        }
    }

    static func contract(_ event: Event, _ contract: Contract, action: String? = nil, at: Date = Date(),
                         on db: any Database) async throws {
        typealias Schema = Components.Schemas.WebhookContractEvent
        try await publish(event, at: at, on: db) { id in
            .contract(Schema(
                id: id.uuidString, event: try WebhookVocabulary.documented(Schema.EventPayload.self, event.rawValue),
                occurredAt: at, action: try action.map { try WebhookVocabulary.documented(Schema.ActionPayload.self, $0) },
                contract: try await Components.Schemas.ContractCard.make(contract, on: db)))
        }
    }

    static func application(_ event: Event, _ application: ContractApplication, action: String, at: Date = Date(),
                            on db: any Database) async throws {
        typealias Schema = Components.Schemas.WebhookApplicationEvent
        try await publish(event, at: at, on: db) { id in
            .application(Schema(
                id: id.uuidString, event: try WebhookVocabulary.documented(Schema.EventPayload.self, event.rawValue),
                occurredAt: at, action: try WebhookVocabulary.documented(Schema.ActionPayload.self, action),
                application: try await Components.Schemas.WebhookApplication.make(application, on: db)))
        }
    }

    /// The events an administrator may choose for an address (the test event goes to every address anyway).
    static let subscribable = Event.allCases.filter { $0 != .ping }

    /// One delivery of the event per endpoint that wants it; the body is made only when there is someone to tell.
    private static func publish(_ event: Event, at: Date, on db: any Database, _ body: (UUID) async throws -> Body) async throws {
        let endpoints = try await WebhookEndpoint.query(on: db).all().filter { $0.wants(event.rawValue) }
        guard !endpoints.isEmpty else { return }
        let id = UUID()
        let made = try json(try await body(id))
        for endpoint in endpoints { try await enqueue(made, id: id, event: event, at: at, to: endpoint, on: db) }
    }

    static func ping(_ endpoint: WebhookEndpoint, on db: any Database) async throws {
        let id = UUID(), at = Date()
        let body = Body.ping(Components.Schemas.WebhookPing(id: id.uuidString, event: .ping, occurredAt: at))
        try await enqueue(try json(body), id: id, event: .ping, at: at, to: endpoint, on: db)
    }

    /// Sends a failed delivery again with a fresh set of attempts; false when there is no failed delivery by that id.
    static func retry(_ id: UUID, on db: any Database) async throws -> Bool {
        try await db.transaction { db in
            guard let delivery = try await WebhookDelivery.find(id, on: db),
                  delivery.status == WebhookDelivery.Status.failed.rawValue
            else { return false }
            delivery.status = WebhookDelivery.Status.pending.rawValue
            delivery.attempts = 0
            try await delivery.save(on: db)
            try await JobQueue(database: db).enqueue(deliverJob, DeliverPayload(deliveryID: id), maxAttempts: maxAttempts)
            return true
        }
    }

    private static func enqueue(_ body: String, id: UUID, event: Event, at: Date, to endpoint: WebhookEndpoint,
                                on db: any Database) async throws {
        let delivery = WebhookDelivery(endpointID: try endpoint.requireID(), eventID: id, event: event.rawValue, body: body, at: at)
        try await delivery.create(on: db)
        try await JobQueue(database: db).enqueue(deliverJob, DeliverPayload(deliveryID: try delivery.requireID()),
                                                 maxAttempts: maxAttempts)
    }

    /// As the JSON API writes its answers: sorted keys, ISO 8601 dates, slashes as they are.
    static func json(_ body: Body) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(body), as: UTF8.self)
    }
}
