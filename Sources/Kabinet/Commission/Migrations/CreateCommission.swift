import Fluent
import Foundation
import SQLKit

/// Commission rates, agent acts and their lines; and the daily schedule of the job that makes last month's acts
/// (seeded here, like the built-in roles, so every install has it without a start-up step). The first run is the
/// coming night, not at once: a fresh install has nothing paid yet, and a worker pass right after migrating
/// (tests drain the queue) should find only the work it queued itself.
struct CreateCommission: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CommissionRateRecord.schema)
            .id()
            .field("agreement_id", .uuid, .required)
            .field("product_code", .string, .required)
            .field("percent", .string, .required)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .field("closed_by", .string)
            .create()
        try await database.schema(CommissionAct.schema)
            .id()
            .field("agreement_id", .uuid, .required)
            .field("agency_id", .uuid, .required)
            .field("agreement_number", .string, .required)
            .field("month", .string, .required)
            .field("status", .string, .required)
            .field("line_count", .int, .required)
            .field("unrated_count", .int, .required)
            .field("generated_at", .datetime, .required)
            .field("generated_by", .string, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .string)
            .field("return_comment", .string)
            .field("pdf_file_id", .uuid)
            .unique(on: "agreement_id", "month")
            .create()
        try await database.schema(CommissionActLine.schema)
            .id()
            .field("act_id", .uuid, .required, .references(CommissionAct.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("contract_id", .uuid, .required)
            .field("contract_number", .string, .required)
            .field("policyholder", .string, .required)
            .field("product_code", .string, .required)
            .field("product_name", .string, .required)
            .field("currency", .string, .required)
            .field("paid_minor", .int64, .required)
            .field("paid_on", .string, .required)
            .field("percent", .string, .required)
            .field("commission_minor", .int64, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            // The act reads one agreement's lines in order, and one agreement's payments of one month.
            try await sql.raw("CREATE INDEX commission_act_lines_act ON commission_act_lines (act_id, position)").run()
            try await sql.raw("CREATE INDEX IF NOT EXISTS contracts_agreement_paid ON contracts (agreement_id, paid_at)").run()
        }
        try await JobQueue(database: database).schedule(CommissionActJob.kind, every: 24 * 3600,
                                                        firstRunAt: CommissionActJob.nextNightlyRun(after: Date()))
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.raw("DROP INDEX IF EXISTS contracts_agreement_paid").run()
        }
        try await RecurringJob.query(on: database).filter(\.$kind == CommissionActJob.kind).delete()
        try await database.schema(CommissionActLine.schema).delete()
        try await database.schema(CommissionAct.schema).delete()
        try await database.schema(CommissionRateRecord.schema).delete()
    }
}
