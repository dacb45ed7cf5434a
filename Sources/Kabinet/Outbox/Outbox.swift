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

    /// `attachments`: stored files (`StoredFile` ids) the e-mail carries, in this order.
    @discardableResult
    func email(to recipient: String, subject: String, text: String, html: String? = nil, attachments: [UUID] = [])
        async throws -> UUID
    {
        let id = try await queue(OutboxMessage(channel: .email, recipient: recipient, subject: subject, body: text, htmlBody: html))
        for (position, file) in attachments.enumerated() {
            try await OutboxAttachment(messageID: id, fileID: file, position: position).create(on: database)
        }
        return id
    }

    /// The files an e-mail carries, in order.
    static func attachments(of messageID: UUID, on database: any Database) async throws -> [StoredFile] {
        let links = try await OutboxAttachment.query(on: database).filter(\.$messageID == messageID).sort(\.$position).all()
        let files = try await StoredFile.query(on: database).filter(\.$id ~~ links.map(\.fileID)).all()
        let byID = Dictionary(uniqueKeysWithValues: files.compactMap { file in file.id.map { ($0, file) } })
        return links.compactMap { byID[$0.fileID] }
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
