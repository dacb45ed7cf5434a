import Fluent
import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

@testable import Kabinet

/// Counts how often a test job ran, and fails the first `failures` runs.
final class JobProbe: @unchecked Sendable {
    private let lock = NIOLock()
    private var runs = 0
    private let failures: Int

    init(failures: Int = 0) {
        self.failures = failures
    }

    var count: Int { lock.withLock { runs } }

    func run() throws {
        try lock.withLock {
            runs += 1
            if runs <= failures { throw TestFailure("probe failure \(runs)") }
        }
    }
}

/// Holds a job inside its handler until the test releases it (or 10 s pass).
final class JobGate: @unchecked Sendable {
    private let lock = NIOLock()
    private var entered = false
    private var released = false

    func wait() async throws {
        lock.withLock { entered = true }
        for _ in 0..<500 where !lock.withLock({ released }) { try await Task.sleep(for: .milliseconds(20)) }
    }

    func waitUntilEntered() async throws {
        for _ in 0..<500 where !lock.withLock({ entered }) { try await Task.sleep(for: .milliseconds(20)) }
        if !lock.withLock({ entered }) { throw TestFailure("the long job never started") }
    }

    func release() {
        lock.withLock { released = true }
    }
}

struct ProbePayload: Codable, Sendable {
    var note: String
}

extension Application {
    func registerProbe(_ probe: JobProbe, kind: String = "test.probe") {
        var handlers = jobHandlers
        handlers.register(kind, as: ProbePayload.self) { _, _ in try probe.run() }
        jobHandlers = handlers
    }
}

@Suite("Background jobs")
struct JobTests {
    @Test("A failing job is retried with backoff and succeeds on a later attempt")
    func retry() async throws {
        try await withKabinet { app in
            let probe = JobProbe(failures: 1)
            app.registerProbe(probe)
            let id = try await app.jobs.enqueue("test.probe", ProbePayload(note: "x"))
            try await app.drainJobs()
            var job = try #require(try await Job.find(id, on: app.db))
            #expect(job.status == "queued")
            #expect(job.attempts == 1)
            #expect(job.lastError?.contains("probe failure 1") == true)
            #expect(job.runAt.timeIntervalSinceNow > 3)
            #expect(try await app.drainJobs() == 0, "not due yet")
            job.runAt = Date()
            try await job.save(on: app.db)
            try await app.drainJobs()
            job = try #require(try await Job.find(id, on: app.db))
            #expect(job.status == "done")
            #expect(probe.count == 2)
        }
    }

    @Test("A job that keeps failing ends as failed, visible, and can be retried by an admin")
    func failedAndRetried() async throws {
        try await withKabinet { app in
            let probe = JobProbe(failures: 2)
            app.registerProbe(probe)
            let id = try await app.jobs.enqueue("test.probe", ProbePayload(note: "x"), maxAttempts: 2)
            try await app.drainJobs()
            try await Job.query(on: app.db).set(\.$runAt, to: Date()).update()
            try await app.drainJobs()
            #expect(try await Job.find(id, on: app.db)?.status == "failed")
            #expect(try await app.jobs.retry(id))
            try await app.drainJobs()
            #expect(try await Job.find(id, on: app.db)?.status == "done")
        }
    }

    @Test("A job of an unknown kind fails visibly instead of vanishing")
    func unknownKind() async throws {
        try await withKabinet { app in
            let id = try await app.jobs.enqueue("no.such.kind", ProbePayload(note: "x"), maxAttempts: 1)
            try await app.drainJobs()
            let job = try #require(try await Job.find(id, on: app.db))
            #expect(job.status == "failed")
            #expect(job.lastError?.contains("no handler") == true)
        }
    }

    @Test("A queued job survives a restart of the application and runs in the next one")
    func survivesRestart() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // the PostgreSQL run covers this with the lease test below
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kabinet-restart-\(UUID()).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var id: UUID?
        try await withKabinet(database: .sqliteFile(path)) { app in
            id = try await app.jobs.enqueue("test.probe", ProbePayload(note: "before restart"))
        }
        let queued = try #require(id)
        let probe = JobProbe()
        try await withKabinet(database: .sqliteFile(path), demo: false) { app in
            app.registerProbe(probe)
            try await app.drainJobs()
            #expect(try await Job.find(queued, on: app.db)?.status == "done")
        }
        #expect(probe.count == 1)
    }

    @Test("A job left running by a crashed worker is taken again when its lease runs out, not before")
    func leaseExpiry() async throws {
        try await withKabinet { app in
            let probe = JobProbe()
            app.registerProbe(probe)
            let id = try await app.jobs.enqueue("test.probe", ProbePayload(note: "x"))
            let crashed = JobWorker(application: app, workerID: "crashed")
            let claimed = try #require(try await crashed.claim())
            #expect(claimed.id == id)
            #expect(try await app.drainJobs() == 0, "the lease still holds")
            try await Job.query(on: app.db).set(\.$lockedUntil, to: Date().addingTimeInterval(-1)).update()
            #expect(try await app.drainJobs() == 1)
            #expect(try await Job.find(id, on: app.db)?.status == "done")
        }
    }

    @Test("A worker of a lane claims only its lane's kinds; a worker of every kind claims them all")
    func lanes() async throws {
        try await withKabinet { app in
            // given a long kind, a quick one and a webhook delivery, one job each
            let probe = JobProbe()
            var handlers = app.jobHandlers
            handlers.register("test.long", as: ProbePayload.self, lane: .long) { _, _ in try probe.run() }
            app.jobHandlers = handlers
            app.registerProbe(probe)
            let long = try await app.jobs.enqueue("test.long", ProbePayload(note: "long"))
            let quick = try await app.jobs.enqueue("test.probe", ProbePayload(note: "quick"))
            let outbound = try await app.jobs.enqueue(WebhookEvents.deliverJob, WebhookEvents.DeliverPayload(deliveryID: UUID()))
            // when / then
            #expect(app.jobHandlers.kinds(in: .long).isSuperset(of: ["test.long", ReportBuilder.jobKind, CommissionActJob.kind]))
            #expect(app.jobHandlers.kinds(in: .outbound) == [WebhookEvents.deliverJob])
            #expect(try await JobWorker(application: app, lane: .quick).claim()?.id == quick)
            #expect(try await JobWorker(application: app, lane: .quick).claim() == nil)
            #expect(try await JobWorker(application: app, lane: .long).claim()?.id == long)
            #expect(try await JobWorker(application: app, lane: .long).claim() == nil)
            #expect(try await JobWorker(application: app, lane: .outbound).claim()?.id == outbound)
            #expect(try await JobWorker(application: app, lane: .outbound).claim() == nil)
            try await Job.query(on: app.db).set(\.$status, to: "queued").update()
            #expect(try await app.drainJobs() == 3)
        }
    }

    @Test("While a long job runs, the running workers still deliver quick jobs queued after it")
    func longJobsDoNotHoldBackQuickOnes() async throws {
        try await withKabinet { app in
            // given a long job that runs until released
            let gate = JobGate()
            let probe = JobProbe()
            var handlers = app.jobHandlers
            handlers.register("test.long", as: ProbePayload.self, lane: .long) { _, _ in try await gate.wait() }
            app.jobHandlers = handlers
            app.registerProbe(probe)
            let service = WorkerService(interval: 0.02)
            service.start(app)
            let long = try await app.jobs.enqueue("test.long", ProbePayload(note: "long"))
            try await gate.waitUntilEntered()
            // when a quick job is queued behind it
            let quick = try await app.jobs.enqueue("test.probe", ProbePayload(note: "quick"))
            // then it is done while the long one still runs
            var status: String?
            for _ in 0..<250 where status != "done" {
                try await Task.sleep(for: .milliseconds(20))
                status = try await Job.find(quick, on: app.db)?.status
            }
            #expect(status == "done")
            #expect(try await Job.find(long, on: app.db)?.status == "running")
            gate.release()
            for _ in 0..<250 where try await Job.find(long, on: app.db)?.status != "done" {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(try await Job.find(long, on: app.db)?.status == "done")
            await service.shutdownAsync(app)
        }
    }

    @Test("Two workers never claim the same job")
    func exclusiveClaims() async throws {
        try await withKabinet { app in
            for index in 0..<20 { try await app.jobs.enqueue("test.probe", ProbePayload(note: "\(index)")) }
            let first = JobWorker(application: app, workerID: "a")
            let second = JobWorker(application: app, workerID: "b")
            async let a = (0..<20).asyncCollect { _ in try await first.claim()?.id }
            async let b = (0..<20).asyncCollect { _ in try await second.claim()?.id }
            let ids = try await (a + b).compactMap { $0 }
            #expect(ids.count == 20)
            #expect(Set(ids).count == 20)
        }
    }

    @Test("Recurring jobs are enqueued when due, once, and moved to their next time")
    func recurring() async throws {
        try await withKabinet { app in
            let probe = JobProbe()
            app.registerProbe(probe, kind: "test.recurring")
            var handlers = app.jobHandlers
            handlers.register("test.recurring", as: NoPayload.self) { _, _ in try probe.run() }
            app.jobHandlers = handlers
            try await app.jobs.schedule("test.recurring", every: 3600, firstRunAt: Date().addingTimeInterval(-1))
            try await app.drainJobs()
            try await app.drainJobs()
            #expect(probe.count == 1)
            let schedule = try #require(try await RecurringJob.query(on: app.db).filter(\.$kind == "test.recurring").first())
            #expect(schedule.nextRunAt.timeIntervalSinceNow > 3500)
        }
    }
}

extension Range where Bound == Int {
    func asyncCollect<T>(_ transform: (Int) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for index in self { result.append(try await transform(index)) }
        return result
    }
}
