import Fluent
import Foundation
import SQLKit
import Vapor

/// Outgoing e-mail and SMS: what is queued, sent or failed, why it failed, and «Повторить отправку» for failed
/// messages. Administrators only; a retry is audited.
struct OutboxAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "outbox", use: list)
        routes.post("admin", "outbox", ":id", "retry", use: retry)
    }

    struct Filter: Content {
        var status: String?
        var q: String?
        var page: Int?
    }

    struct Record: Decodable {
        var id: UUID
        var created_at: Date
        var channel: String
        var recipient: String
        var subject: String
        var status: String
        var attempts: Int
        var last_error: String?
    }

    struct Row: Encodable {
        var id: UUID
        var time: String
        var channel: String
        var recipient: String
        var subject: String
        var status: String
        var statusLabel: String
        var attempts: Int
        var lastError: String?
        var canRetry: Bool
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var filter: Filter
        var statuses: [SelectOption]
        var paging: Paging.Links
        var capped: Bool
        var back: String
    }

    /// What the audit trail keeps of a message: its delivery state, never its text (it may hold a code or a link).
    struct DeliverySnapshot: Encodable {
        var status: String
        var attempts: Int
        var lastError: String?
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let filter = try req.query.decode(Filter.self)
        let paging = Paging(page: filter.page)
        let sql = try AdminListQuery.sql(req.db)
        let status = filter.status.flatMap(OutboxMessage.Status.init(rawValue:))
        let search = filter.q?.trimmed ?? ""
        let apply: (SQLSelectBuilder) -> SQLSelectBuilder = { select in
            var select = select
            if let status { select = select.where("status", .equal, SQLBind(status.rawValue)) }
            if !search.isEmpty { select = select.where(AdminListQuery.contains("recipient", search)) }
            return select
        }
        let (total, capped) = try await AdminListQuery.cappedCount(sql, table: OutboxMessage.schema, apply)
        let records = try await apply(sql.select()
            .columns("id", "created_at", "channel", "recipient", "subject", "status", "attempts", "last_error")
            .from(OutboxMessage.schema))
            .orderBy("created_at", .descending).limit(paging.size).offset(paging.offset)
            .all(decoding: Record.self)
        return try await req.page("admin/outbox", title: "admin.outbox", ListContent(
            rows: records.map { record in
                Row(id: record.id, time: MoscowTime.dateTime(record.created_at), channel: req.t("admin.outbox.channel.\(record.channel)"),
                    recipient: record.recipient, subject: record.subject.isEmpty ? "—" : record.subject, status: record.status,
                    statusLabel: req.t("outbox.status.\(record.status)"), attempts: record.attempts, lastError: record.last_error,
                    canRetry: record.status == OutboxMessage.Status.failed.rawValue)
            },
            filter: filter,
            statuses: OutboxMessage.Status.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("outbox.status.\($0.rawValue)"), selected: $0 == status)
            },
            paging: paging.links(total: total, request: req), capped: capped, back: req.url.string))
    }

    struct RetryForm: Content {
        var back: String?
    }

    /// Puts a failed message back in the queue with fresh attempts; the change and its audit entry commit together.
    func retry(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        guard let id = req.parameters.get("id", as: UUID.self), let message = try await OutboxMessage.find(id, on: req.db) else {
            throw AppError.notFound
        }
        guard message.status == OutboxMessage.Status.failed.rawValue else {
            throw AppError.message(.conflict, key: "admin.outbox.not_failed")
        }
        let form = try req.content.decode(RetryForm.self)
        let before = DeliverySnapshot(status: message.status, attempts: message.attempts, lastError: message.lastError)
        let audit = req.audit
        try await req.db.transaction { db in
            guard try await Outbox(database: db).retry(id) else { throw AppError.message(.conflict, key: "admin.outbox.not_failed") }
            try await audit.on(db).record("outbox.retried", entity: "outbox_message", id: id.uuidString,
                summary: "Повторная отправка: \(message.recipient)", before: before,
                after: DeliverySnapshot(status: OutboxMessage.Status.queued.rawValue, attempts: 0, lastError: nil))
        }
        return req.redirect(to: req.safeReturnPath(form.back, fallback: "/admin/outbox"), flash: "admin.outbox.retried")
    }
}
