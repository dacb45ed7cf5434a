import Fluent
import Foundation
import SQLKit
import Vapor

/// Background jobs: the queue with failed jobs first, why they failed, «Повторить» for a failed job, and the
/// recurring schedules. Administrators only; a retry is audited.
struct JobsAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "jobs", use: list)
        routes.post("admin", "jobs", ":id", "retry", use: retry)
    }

    struct Filter: Content {
        var status: String?
        var page: Int?
    }

    struct Record: Decodable {
        var id: UUID
        var kind: String
        var status: String
        var attempts: Int
        var max_attempts: Int
        var run_at: Date
        var last_error: String?
        var created_at: Date
    }

    struct Row: Encodable {
        var id: UUID
        var kind: String
        var status: String
        var statusLabel: String
        var attempts: String
        var runAt: String
        var lastError: String?
        var created: String
        var canRetry: Bool
    }

    struct Schedule: Encodable {
        var kind: String
        var interval: String
        var nextRun: String
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var schedules: [Schedule]
        var filter: Filter
        var statuses: [SelectOption]
        var paging: Paging.Links
        var capped: Bool
        var back: String
    }

    struct JobSnapshot: Encodable {
        var kind: String
        var status: String
        var attempts: Int
        var lastError: String?
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let filter = try req.query.decode(Filter.self)
        let paging = Paging(page: filter.page)
        let sql = try AdminListQuery.sql(req.db)
        let status = filter.status.flatMap(Job.Status.init(rawValue:))
        let apply: (SQLSelectBuilder) -> SQLSelectBuilder = { select in
            guard let status else { return select }
            return select.where("status", .equal, SQLBind(status.rawValue))
        }
        let (total, capped) = try await AdminListQuery.cappedCount(sql, table: Job.schema, apply)
        var select = apply(sql.select()
            .columns("id", "kind", "status", "attempts", "max_attempts", "run_at", "last_error", "created_at")
            .from(Job.schema))
        // Without a status filter the failed jobs come first: they are what an administrator opens this page for.
        if status == nil { select = select.orderBy(SQLQueryString("CASE WHEN \(ident: "status") = 'failed' THEN 0 ELSE 1 END")) }
        let records = try await select.orderBy("created_at", .descending).limit(paging.size).offset(paging.offset)
            .all(decoding: Record.self)
        let schedules = try await RecurringJob.query(on: req.db).sort(\.$nextRunAt).all()
        return try await req.page("admin/jobs", title: "admin.jobs", ListContent(
            rows: records.map { record in
                Row(id: record.id, kind: record.kind, status: record.status, statusLabel: req.t("admin.jobs.status.\(record.status)"),
                    attempts: "\(record.attempts) / \(record.max_attempts)", runAt: MoscowTime.dateTime(record.run_at),
                    lastError: record.last_error, created: MoscowTime.dateTime(record.created_at),
                    canRetry: record.status == Job.Status.failed.rawValue)
            },
            schedules: schedules.map {
                Schedule(kind: $0.kind, interval: interval($0.intervalSeconds, req), nextRun: MoscowTime.dateTime($0.nextRunAt))
            },
            filter: filter,
            statuses: Job.Status.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("admin.jobs.status.\($0.rawValue)"), selected: $0 == status)
            },
            paging: paging.links(total: total, request: req), capped: capped, back: req.url.string))
    }

    struct RetryForm: Content {
        var back: String?
    }

    /// Puts a failed job back in the queue with a fresh set of attempts; the change and its audit entry commit together.
    func retry(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        guard let id = req.parameters.get("id", as: UUID.self), let job = try await Job.find(id, on: req.db) else {
            throw AppError.notFound
        }
        guard job.status == Job.Status.failed.rawValue else { throw AppError.message(.conflict, key: "admin.jobs.not_failed") }
        let form = try req.content.decode(RetryForm.self)
        let before = JobSnapshot(kind: job.kind, status: job.status, attempts: job.attempts, lastError: job.lastError)
        let audit = req.audit
        try await req.db.transaction { db in
            guard try await JobQueue(database: db).retry(id) else { throw AppError.message(.conflict, key: "admin.jobs.not_failed") }
            try await audit.on(db).record("job.retried", entity: "job", id: id.uuidString,
                summary: "Повторный запуск задачи \(before.kind)", before: before,
                after: JobSnapshot(kind: before.kind, status: Job.Status.queued.rawValue, attempts: 0, lastError: nil))
        }
        return req.redirect(to: req.safeReturnPath(form.back, fallback: "/admin/jobs"), flash: "admin.jobs.retried")
    }

    /// «каждые 15 мин», «каждые 24 ч»: the largest whole unit.
    private func interval(_ seconds: Int, _ req: Request) -> String {
        if seconds % 86_400 == 0 { return req.t("admin.jobs.every_days", String(seconds / 86_400)) }
        if seconds % 3_600 == 0 { return req.t("admin.jobs.every_hours", String(seconds / 3_600)) }
        if seconds % 60 == 0 { return req.t("admin.jobs.every_minutes", String(seconds / 60)) }
        return req.t("admin.jobs.every_seconds", String(seconds))
    }
}
