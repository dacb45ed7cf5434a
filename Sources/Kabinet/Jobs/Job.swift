import Fluent
import Foundation

/// A unit of background work in the database, so it survives restarts and any instance may run it.
final class Job: Model, @unchecked Sendable {
    static let schema = "jobs"

    enum Status: String, Codable, CaseIterable, Sendable {
        case queued
        case running
        case done
        case failed
    }

    @ID var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "payload") var payload: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    @Field(key: "run_at") var runAt: Date
    @OptionalField(key: "locked_by") var lockedBy: String?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}
}

/// A job that repeats: the worker enqueues `kind` whenever `next_run_at` has passed, then moves it on.
final class RecurringJob: Model, @unchecked Sendable {
    static let schema = "recurring_jobs"
    @ID var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "interval_seconds") var intervalSeconds: Int
    @Field(key: "next_run_at") var nextRunAt: Date

    init() {}
    init(kind: String, intervalSeconds: Int, nextRunAt: Date) {
        self.kind = kind
        self.intervalSeconds = intervalSeconds
        self.nextRunAt = nextRunAt
    }
}
