import Fluent
import Foundation
import KabinetDomain

/// Tells the company's systems what happened to a contract or an application. Each event becomes one delivery per
/// endpoint, written in the transaction of the change itself: a change is never announced without happening, nor
/// lost when the process stops before sending. A job sends each delivery and retries it.
///
/// The body: `{"id", "event", "occurred_at", "action"?, "contract" | "application"}` where `contract` is the JSON
/// API's `ContractCard` of the contract after the change and `application` a `WebhookApplication`.
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

    struct Body: Encodable {
        var id: UUID
        var event: String
        var occurredAt: Date
        var action: String?
        var contract: Components.Schemas.ContractCard?
        var application: WebhookApplication?

        enum CodingKeys: String, CodingKey {
            case id, event, occurredAt = "occurred_at", action, contract, application
        }
    }

    static func contract(_ event: Event, _ contract: Contract, action: String? = nil, at: Date = Date(),
                         on db: any Database) async throws {
        try await publish(event, on: db) {
            Body(id: UUID(), event: event.rawValue, occurredAt: at, action: action,
                 contract: try await Components.Schemas.ContractCard.make(contract, on: db))
        }
    }

    static func application(_ event: Event, _ application: ContractApplication, action: String, at: Date = Date(),
                            on db: any Database) async throws {
        try await publish(event, on: db) {
            Body(id: UUID(), event: event.rawValue, occurredAt: at, action: action,
                 application: try await WebhookApplication.make(application, on: db))
        }
    }

    /// The events an administrator may choose for an address (the test event goes to every address anyway).
    static let subscribable = Event.allCases.filter { $0 != .ping }

    /// One delivery of the event per endpoint that wants it; the body is made only when there is someone to tell.
    private static func publish(_ event: Event, on db: any Database, _ body: () async throws -> Body) async throws {
        let endpoints = try await WebhookEndpoint.query(on: db).all().filter { $0.wants(event.rawValue) }
        guard !endpoints.isEmpty else { return }
        let made = try await body()
        for endpoint in endpoints { try await enqueue(made, to: endpoint, on: db) }
    }

    static func ping(_ endpoint: WebhookEndpoint, on db: any Database) async throws {
        try await enqueue(Body(id: UUID(), event: Event.ping.rawValue, occurredAt: Date()), to: endpoint, on: db)
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

    private static func enqueue(_ body: Body, to endpoint: WebhookEndpoint, on db: any Database) async throws {
        let delivery = WebhookDelivery(endpointID: try endpoint.requireID(), eventID: body.id, event: body.event,
                                       body: try json(body), at: body.occurredAt)
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
