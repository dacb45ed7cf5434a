import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Administration: outbox and background jobs")
struct OutboxJobsAdminTests {
    @Test("A failed message is listed with its error and «Повторить отправку» queues it again, audited")
    func outboxRetry() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            let failed = OutboxMessage(channel: .email, recipient: "lost@example.ru", subject: "Договор", body: "…", htmlBody: nil)
            failed.status = OutboxMessage.Status.failed.rawValue
            failed.attempts = 6
            failed.lastError = "550 mailbox unavailable"
            try await failed.create(on: app.db)
            let id = try failed.requireID()

            // when
            let list = try await admin.get("/admin/outbox?status=failed&q=LOST@")
            let retried = try await admin.post("/admin/outbox/\(id)/retry", [("back", "/admin/outbox?status=failed")])
            let again = try await admin.post("/admin/outbox/\(id)/retry")

            // then
            #expect(list.text.contains("lost@example.ru") && list.text.contains("550 mailbox unavailable"))
            #expect(list.text.contains("Повторить отправку"))
            #expect(retried.status == .seeOther && retried.location == "/admin/outbox?status=failed")
            let stored = try #require(try await OutboxMessage.find(id, on: app.db))
            #expect(stored.status == "queued" && stored.attempts == 0 && stored.lastError == nil)
            let entry = try #require(try await app.auditEntries("outbox.retried").first)
            #expect(entry.entityID == id.uuidString && entry.before?.contains("550") == true)
            #expect(again.status == .conflict, "only failed messages can be retried")
            #expect(try await admin.post("/admin/outbox/\(UUID())/retry").status == .notFound)
        }
    }

    @Test("Failed jobs come first, «Повторить» puts one back in the queue, audited; schedules are shown")
    func jobRetry() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            try await app.jobs.enqueue("test.fine", ["n": 1])
            let id = try await app.jobs.enqueue("test.broken", ["n": 2], maxAttempts: 3)
            let job = try #require(try await Job.find(id, on: app.db))
            job.status = Job.Status.failed.rawValue
            job.attempts = 3
            job.lastError = "connection refused"
            job.createdAt = Date().addingTimeInterval(-3_600)
            try await job.save(on: app.db)
            try await app.jobs.schedule("housekeeping", every: 3_600)

            // when
            let list = try await admin.get("/admin/jobs")
            let retried = try await admin.post("/admin/jobs/\(id)/retry")

            // then
            let broken = try #require(list.text.range(of: "test.broken"))
            let fine = try #require(list.text.range(of: "test.fine"))
            #expect(broken.lowerBound < fine.lowerBound, "failed first, though older")
            #expect(list.text.contains("3 / 3") && list.text.contains("connection refused"))
            #expect(list.text.contains("каждые 1 ч"))
            #expect(retried.status == .seeOther)
            let stored = try #require(try await Job.find(id, on: app.db))
            #expect(stored.status == "queued" && stored.attempts == 0)
            #expect(try await app.auditEntries("job.retried").first?.entityID == id.uuidString)
            #expect(try await admin.post("/admin/jobs/\(id)/retry").status == .conflict)
        }
    }
}
