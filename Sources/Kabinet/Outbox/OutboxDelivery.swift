import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The job that hands one outbox message to its transport. A failure is recorded on the message and rethrown so
/// the job system retries with backoff; after the last attempt the message is marked failed for the admins.
enum OutboxDelivery {
    static func register(in handlers: inout JobHandlers) {
        handlers.register(Outbox.deliverJob, as: Outbox.DeliverPayload.self) { context, payload in
            try await deliver(payload.messageID, context: context)
        }
    }

    static func deliver(_ id: UUID, context: JobContext) async throws {
        guard let message = try await OutboxMessage.find(id, on: context.db),
            message.status == OutboxMessage.Status.queued.rawValue
        else { return }
        let settings = context.application.settings
        let transports = context.application.transports
        message.attempts += 1
        do {
            if message.channel == OutboxMessage.Channel.sms.rawValue {
                try await transports.sms.send(to: message.recipient, text: message.body)
                message.transport = transports.sms.name
            } else {
                let files = try await Outbox.attachments(of: id, on: context.db)
                try await transports.email.send(MailMessage(
                    from: settings.mailFrom, fromName: settings.companyName, to: [message.recipient],
                    subject: message.subject, textBody: message.body, htmlBody: message.htmlBody,
                    attachments: files.map { MailAttachment(filename: $0.filename, contentType: $0.contentType, data: $0.data) },
                    messageID: nil))
                message.transport = transports.email.name
            }
            message.status = OutboxMessage.Status.sent.rawValue
            message.sentAt = Date()
            message.lastError = nil
            try await message.save(on: context.db)
        } catch {
            message.lastError = String(String(describing: error).prefix(1000))
            if message.attempts >= Outbox.maxAttempts {
                message.status = OutboxMessage.Status.failed.rawValue
                KabinetMetrics.outboxFailed(channel: message.channel)
                try await notifyAdministrators(about: message, on: context.db)
            }
            try await message.save(on: context.db)
            throw error
        }
    }

    /// Administrators see a failed delivery under the bell, with a link to the outbox page where they can resend it.
    static func notifyAdministrators(about message: OutboxMessage, on db: any Database) async throws {
        let admins = try await User.query(on: db)
            .filter(\.$roleCode == BuiltInRole.administrator.rawValue).filter(\.$status == .active).all()
        let notifier = Notifier(database: db)
        for admin in admins {
            try await notifier.notify(
                try admin.requireID(), kind: "outbox.failed", titleKey: "notification.outbox_failed.title",
                bodyKey: "notification.outbox_failed.body",
                arguments: [message.channel.uppercased(), message.recipient, String(message.attempts), message.lastError ?? ""],
                link: "/admin/outbox?status=failed")
        }
    }
}
