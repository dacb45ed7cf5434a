import Fluent
import Foundation
import Vapor

/// Puts work into the job table. Payloads are JSON so a job written by one version is readable by the next.
struct JobQueue: Sendable {
    let database: any Database

    @discardableResult
    func enqueue<P: Encodable>(_ kind: String, _ payload: P, runAt: Date = Date(), maxAttempts: Int = 8) async throws -> UUID {
        let job = Job()
        job.kind = kind
        job.payload = String(decoding: try JSONEncoder().encode(payload), as: UTF8.self)
        job.status = Job.Status.queued.rawValue
        job.attempts = 0
        job.maxAttempts = maxAttempts
        job.runAt = runAt
        job.createdAt = Date()
        try await job.create(on: database)
        return try job.requireID()
    }

    /// Registers (or keeps) a recurring job; an existing schedule keeps its next run time.
    func schedule(_ kind: String, every seconds: Int, firstRunAt: Date = Date()) async throws {
        if let existing = try await RecurringJob.query(on: database).filter(\.$kind == kind).first() {
            if existing.intervalSeconds != seconds {
                existing.intervalSeconds = seconds
                try await existing.save(on: database)
            }
            return
        }
        try await RecurringJob(kind: kind, intervalSeconds: seconds, nextRunAt: firstRunAt).create(on: database)
    }

    /// Puts a failed job back in the queue with a fresh set of attempts (the admin's «Повторить»).
    func retry(_ id: UUID) async throws -> Bool {
        guard let job = try await Job.find(id, on: database), job.status == Job.Status.failed.rawValue else { return false }
        job.status = Job.Status.queued.rawValue
        job.attempts = 0
        job.runAt = Date()
        job.lastError = nil
        job.lockedBy = nil
        job.lockedUntil = nil
        try await job.save(on: database)
        return true
    }
}

extension Request {
    var jobs: JobQueue { JobQueue(database: db) }
}

extension Application {
    var jobs: JobQueue { JobQueue(database: db) }
}
