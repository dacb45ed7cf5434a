import Fluent
import Foundation
import Vapor

/// Queues e-mail and SMS. The message row and its delivery job are written together, on the caller's database
/// handle, so a message belongs to the same transaction as the change that caused it.
struct Outbox: Sendable {
    static let deliverJob = "outbox.deliver"
    static let maxAttempts = 6
    let database: any Database

    struct DeliverPayload: Codable, Sendable {
        var messageID: UUID
    }

    @discardableResult
    func email(to recipient: String, subject: String, text: String, html: String? = nil) async throws -> UUID {
        try await queue(OutboxMessage(channel: .email, recipient: recipient, subject: subject, body: text, htmlBody: html))
    }

    @discardableResult
    func sms(to phone: String, text: String) async throws -> UUID {
        try await queue(OutboxMessage(channel: .sms, recipient: phone, subject: "", body: text, htmlBody: nil))
    }

    private func queue(_ message: OutboxMessage) async throws -> UUID {
        try await message.create(on: database)
        let id = try message.requireID()
        try await JobQueue(database: database).enqueue(Self.deliverJob, DeliverPayload(messageID: id), maxAttempts: Self.maxAttempts)
        return id
    }

    /// Puts a failed message back in the queue (the admin's «Повторить отправку»).
    func retry(_ id: UUID) async throws -> Bool {
        guard let message = try await OutboxMessage.find(id, on: database), message.status == OutboxMessage.Status.failed.rawValue
        else { return false }
        message.status = OutboxMessage.Status.queued.rawValue
        message.attempts = 0
        message.lastError = nil
        try await message.save(on: database)
        try await JobQueue(database: database).enqueue(Self.deliverJob, DeliverPayload(messageID: id), maxAttempts: Self.maxAttempts)
        return true
    }
}

extension Request {
    var outbox: Outbox { Outbox(database: db) }
}
