import Fluent
import SQLKit

/// The report requests and saved variants, and the indexes that let a report walk contracts in the order of any
/// of its period dates: keyset chunks `(date, id) > (last)` are then index ranges, not a sort of every match.
/// `issued_at` already has `contracts_issued`.
struct CreateReports: AsyncMigration {
    static let contractIndexes = [
        ("contracts_report_start", "start_date"), ("contracts_report_end", "end_date"), ("contracts_report_paid", "paid_at"),
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema(ReportRequest.schema)
            .id()
            .field("number", .int, .required)
            .field("requester_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("format", .string, .required)
            .field("filters", .string, .required)
            .field("locale", .string, .required)
            .field("status", .string, .required)
            .field("progress", .int, .required)
            .field("row_count", .int64, .required)
            .field("error", .string)
            .field("file_name", .string)
            .field("created_at", .datetime, .required)
            .field("started_at", .datetime)
            .field("finished_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(ReportVariant.schema)
            .id()
            .field("owner_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("input", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "owner_id", "name")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "report_requests_requester").on(ReportRequest.schema)
            .column("requester_id").column("created_at").run()
        for (name, column) in Self.contractIndexes {
            try await sql.create(index: name).on(Contract.schema).column(column).column("id").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            for (name, _) in Self.contractIndexes { try await sql.drop(index: name).ifExists().run() }
        }
        try await database.schema(ReportVariant.schema).delete()
        try await database.schema(ReportRequest.schema).delete()
    }
}
