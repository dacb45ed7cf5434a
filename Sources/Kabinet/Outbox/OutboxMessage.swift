import Fluent
import Foundation

/// An e-mail or SMS waiting to be delivered, delivered, or given up on. Every message the portal sends is first
/// a row here, written in the same transaction as the change that caused it, so nothing is lost on a crash.
final class OutboxMessage: Model, @unchecked Sendable {
    static let schema = "outbox_messages"

    enum Channel: String, Codable, Sendable {
        case email
        case sms
    }

    enum Status: String, Codable, Sendable, CaseIterable {
        case queued
        case sent
        case failed
    }

    @ID var id: UUID?
    @Field(key: "channel") var channel: String
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @OptionalField(key: "html_body") var htmlBody: String?
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "last_error") var lastError: String?
    @OptionalField(key: "transport") var transport: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?

    init() {}

    init(channel: Channel, recipient: String, subject: String, body: String, htmlBody: String?) {
        self.channel = channel.rawValue
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.htmlBody = htmlBody
        self.status = Status.queued.rawValue
        self.attempts = 0
        self.createdAt = Date()
    }
}
