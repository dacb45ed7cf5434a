import Fluent
import Foundation

/// An address of the company's own systems (the core insurance system, a CRM) that hears about contract changes.
/// The secret signs every delivery; the administrator sees it once, when the endpoint is made, and the
/// receiver keeps it to check signatures. Unlike a password it has to be read back to be used, so it is stored
/// encrypted with the installation's key (`SecretBox`), not hashed.
final class WebhookEndpoint: Model, @unchecked Sendable {
    static let schema = "webhook_endpoints"

    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "url") var url: String
    @Field(key: "secret") var sealedSecret: String
    /// The events it wants, by name («contract.changed»…); the test event always goes.
    @Field(key: "events") var events: [String]
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String, url: String, sealedSecret: String, events: [String], createdBy: String) {
        self.name = name
        self.url = url
        self.sealedSecret = sealedSecret
        self.events = events
        self.createdBy = createdBy
    }

    /// What the audit trail keeps: never the secret.
    struct Snapshot: Encodable {
        var name: String
        var url: String
        var events: [String]
    }

    var snapshot: Snapshot { Snapshot(name: name, url: url, events: events) }

    func wants(_ event: String) -> Bool { event == WebhookEvents.Event.ping.rawValue || events.contains(event) }
}

/// One event on its way to one endpoint: the exact body sent (a retry sends the same bytes, signed with that
/// attempt's timestamp) and how its attempts went.
final class WebhookDelivery: Model, @unchecked Sendable {
    static let schema = "webhook_deliveries"

    enum Status: String, Codable, CaseIterable {
        case pending, delivered, failed
    }

    @ID var id: UUID?
    @Field(key: "endpoint_id") var endpointID: UUID
    @Field(key: "event_id") var eventID: UUID
    @Field(key: "event") var event: String
    @Field(key: "body") var body: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "response_code") var responseCode: Int?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "delivered_at") var deliveredAt: Date?

    init() {}

    init(endpointID: UUID, eventID: UUID, event: String, body: String, at: Date) {
        self.endpointID = endpointID
        self.eventID = eventID
        self.event = event
        self.body = body
        self.status = Status.pending.rawValue
        self.attempts = 0
        self.createdAt = at
    }
}
