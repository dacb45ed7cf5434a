import Fluent
import Foundation
import SQLKit
import Vapor

/// Claims due jobs and runs them. On PostgreSQL many workers in many instances claim safely with
/// `FOR UPDATE SKIP LOCKED`; on SQLite the single writer makes the claiming UPDATE atomic by itself.
/// A claim is a lease: if the process dies mid-job, the lease runs out and another worker takes the job again.
struct JobWorker: Sendable {
    let application: Application
    let workerID: String
    /// The kinds this worker claims: one lane, or every kind (nil) as tests drain.
    let lane: JobLane?
    var lease: TimeInterval = 600

    init(application: Application, lane: JobLane? = nil, workerID: String = "worker-\(UUID().uuidString.prefix(8))") {
        self.application = application
        self.lane = lane
        self.workerID = workerID
    }

    /// Runs due jobs until none is left; returns how many ran. Tests call it directly instead of waiting for a poll.
    @discardableResult
    func drain(limit: Int = 1000) async throws -> Int {
        try await enqueueDueRecurringJobs()
        var count = 0
        while count < limit, let job = try await claim() {
            await run(job)
            count += 1
        }
        return count
    }

    func claim(now: Date = Date()) async throws -> Job? {
        guard let sql = application.db as? any SQLDatabase else { return nil }
        let skipLocked = sql.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let query: SQLQueryString = """
            UPDATE jobs SET status = 'running', locked_by = \(bind: workerID), \
            locked_until = \(bind: now.addingTimeInterval(lease)), attempts = attempts + 1 \
            WHERE id = (SELECT id FROM jobs WHERE ((status = 'queued' AND run_at <= \(bind: now)) \
            OR (status = 'running' AND locked_until < \(bind: now)))\(laneCondition) \
            ORDER BY run_at LIMIT 1\(unsafeRaw: skipLocked)) \
            RETURNING id
            """
        guard let row = try await sql.raw(query).first(), let id = try? row.decode(column: "id", as: UUID.self) else {
            return nil
        }
        return try await Job.find(id, on: application.db)
    }

    /// ` AND kind [NOT] IN (…)` for a lane; nothing for a worker of every kind.
    private var laneCondition: SQLQueryString {
        let handlers = application.jobHandlers
        switch lane {
        case nil:
            return ""
        case .quick?:
            let others: [any Encodable & Sendable] = handlers.slowKinds.sorted()
            return others.isEmpty ? "" : " AND kind NOT IN (\(binds: others))"
        case let lane?:
            let kinds: [any Encodable & Sendable] = handlers.kinds(in: lane).sorted()
            return kinds.isEmpty ? " AND 1 = 0" : " AND kind IN (\(binds: kinds))"
        }
    }

    func run(_ job: Job) async {
        var logger = Logger(label: "kabinet.jobs")
        logger[metadataKey: "job"] = .string(job.kind)
        logger[metadataKey: "job-id"] = .string(job.id?.uuidString ?? "")
        let context = JobContext(application: application, logger: logger)
        do {
            guard let handler = application.jobHandlers.handler(for: job.kind) else {
                throw JobFailure.unknownKind(job.kind)
            }
            try await handler(context, Data(job.payload.utf8))
            job.status = Job.Status.done.rawValue
            job.finishedAt = Date()
            job.lastError = nil
            job.lockedBy = nil
            job.lockedUntil = nil
            try await job.save(on: application.db)
            KabinetMetrics.jobFinished(kind: job.kind, outcome: "done")
        } catch {
            logger.warning("Job failed (attempt \(job.attempts)): \(error)")
            await recordFailure(job, error: error)
        }
    }

    private func recordFailure(_ job: Job, error: any Error) async {
        job.lastError = String(String(describing: error).prefix(1000))
        job.lockedBy = nil
        job.lockedUntil = nil
        if job.attempts >= job.maxAttempts {
            job.status = Job.Status.failed.rawValue
            job.finishedAt = Date()
            KabinetMetrics.jobFinished(kind: job.kind, outcome: "failed")
        } else {
            job.status = Job.Status.queued.rawValue
            job.runAt = Date().addingTimeInterval(Self.backoff(attempt: job.attempts))
        }
        do { try await job.save(on: application.db) } catch {
            application.logger.error("Could not record job failure: \(error)")
        }
    }

    /// 5 s, 10 s, 20 s … capped at one hour.
    static func backoff(attempt: Int) -> TimeInterval {
        min(3600, 5 * pow(2, Double(max(0, attempt - 1))))
    }

    /// Moves each due recurring schedule forward with a conditional update (still due?), so only one instance enqueues it.
    func enqueueDueRecurringJobs(now: Date = Date()) async throws {
        let due = try await RecurringJob.query(on: application.db).filter(\.$nextRunAt <= now).all()
        guard let sql = application.db as? any SQLDatabase else { return }
        for schedule in due {
            let next = now.addingTimeInterval(TimeInterval(schedule.intervalSeconds))
            let moved = try await sql.raw("""
                UPDATE recurring_jobs SET next_run_at = \(bind: next) \
                WHERE id = \(bind: schedule.id) AND next_run_at <= \(bind: now) RETURNING id
                """).all()
            if !moved.isEmpty {
                try await JobQueue(database: application.db).enqueue(schedule.kind, NoPayload())
            }
        }
    }
}

enum JobFailure: Error, CustomStringConvertible {
    case unknownKind(String)
    var description: String {
        switch self {
        case .unknownKind(let kind): "no handler for job kind '\(kind)'"
        }
    }
}
