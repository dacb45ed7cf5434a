import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import Kabinet

/// An e-mail transport that fails a given number of times, then delivers; it remembers what it delivered.
final class FlakyEmailTransport: EmailTransport, @unchecked Sendable {
    let name = "flaky"
    private let lock = NIOLock()
    private var failuresLeft: Int
    private(set) var delivered: [MailMessage] = []

    init(failures: Int) {
        failuresLeft = failures
    }

    func send(_ message: MailMessage) async throws {
        try lock.withLock {
            if failuresLeft > 0 {
                failuresLeft -= 1
                throw TestFailure("connection refused")
            }
            delivered.append(message)
        }
    }
}

@Suite("Outbox")
struct OutboxTests {
    @Test("A transport failure keeps the message queued, records the error, and a later attempt delivers it")
    func retryAfterFailure() async throws {
        try await withKabinet { app in
            // given
            let transport = FlakyEmailTransport(failures: 1)
            app.transports.email = transport
            let id = try await Outbox(database: app.db).email(to: "client@example.ru", subject: "Тема", text: "Текст")
            // when
            try await app.drainJobs()
            // then
            let afterFailure = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(afterFailure.status == "queued")
            #expect(afterFailure.attempts == 1)
            #expect(afterFailure.lastError?.contains("connection refused") == true)
            let job = try #require(try await Job.query(on: app.db).filter(\.$kind == Outbox.deliverJob).first())
            #expect(job.status == "queued")
            #expect(job.runAt > Date(), "retried later, with backoff")

            try await Job.query(on: app.db).set(\.$runAt, to: Date()).update()
            try await app.drainJobs()
            let delivered = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(delivered.status == "sent")
            #expect(delivered.transport == "flaky")
            #expect(transport.delivered.count == 1)
            #expect(transport.delivered[0].subject == "Тема")
        }
    }

    @Test("After the last attempt the message is marked failed, shown to admins, and can be sent again")
    func givesUp() async throws {
        try await withKabinet { app in
            app.transports.email = FlakyEmailTransport(failures: 100)
            let id = try await Outbox(database: app.db).email(to: "client@example.ru", subject: "S", text: "T")
            for _ in 0..<Outbox.maxAttempts {
                try await Job.query(on: app.db).filter(\.$status == "queued").set(\.$runAt, to: Date()).update()
                try await app.drainJobs()
            }
            let message = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(message.status == "failed")
            #expect(message.attempts == Outbox.maxAttempts)
            let metrics = try await Browser(app).get("/metrics", accept: "text/plain")
            #expect(metrics.text.contains("kabinet_outbox_failed_messages 1"))

            app.transports.email = FlakyEmailTransport(failures: 0)
            #expect(try await Outbox(database: app.db).retry(id))
            try await app.drainJobs()
            #expect(try await OutboxMessage.find(id, on: app.db)?.status == "sent")
        }
    }

    @Test("A message is written in the caller's transaction: a rolled-back change sends nothing")
    func transactional() async throws {
        try await withKabinet { app in
            do {
                try await app.db.transaction { db in
                    try await Outbox(database: db).email(to: "x@example.ru", subject: "S", text: "T")
                    throw TestFailure("rollback")
                }
            } catch is TestFailure {}
            let messages = try await OutboxMessage.query(on: app.db).count()
            let jobs = try await Job.query(on: app.db).count()
            #expect(messages == 0)
            #expect(jobs == 0)
        }
    }

    @Test("SMS go through the HTTP gateway transport when configured")
    func smsTransportChosen() async throws {
        let settings = try testSettings(["SMS_GATEWAY_URL": "http://127.0.0.1:9/sms", "SMS_GATEWAY_LOGIN": "u", "SMS_GATEWAY_PASSWORD": "p"])
        try await withKabinet(settings: settings) { app in
            #expect(app.transports.sms.name == "http")
            let id = try await Outbox(database: app.db).sms(to: "+79161234567", text: "Код 123456")
            try await app.drainJobs()
            let message = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(message.status == "queued", "nothing listens on port 9, so the gateway call failed and will be retried")
            #expect(message.lastError != nil)
        }
    }

    @Test("The development mailbox lists messages and shows links as links; it is off in production")
    func developmentMailbox() async throws {
        try await withKabinet { app in
            try await Outbox(database: app.db).email(to: "client@example.ru", subject: "Подтвердите e-mail", text: "Перейдите: http://kabinet.test/x/abc\nСпасибо")
            try await app.drainJobs()
            let browser = Browser(app)
            let list = try await browser.get("/dev/mailbox")
            #expect(list.text.contains("Подтвердите e-mail"))
            let id = try #require(try await OutboxMessage.query(on: app.db).first()?.id)
            let page = try await browser.get("/dev/mailbox/\(id)")
            #expect(page.text.contains("<a href=\"http://kabinet.test/x/abc\">"))
        }
        let production = try Settings.load(environment: .production, variables: [
            "KABINET_MAIL_TRANSPORT": "development", "KABINET_WORKERS": "false", "KABINET_DEMO": "false",
        ])
        #expect(!production.developmentMailboxEnabled)
        try await withKabinet(settings: production) { app in
            let status = try await Browser(app).get("/dev/mailbox").status
            #expect(status == .notFound)
        }
    }
}
