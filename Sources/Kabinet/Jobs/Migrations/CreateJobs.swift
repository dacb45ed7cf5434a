import Fluent
import SQLKit

struct CreateJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Job.schema)
            .id()
            .field("kind", .string, .required)
            .field("payload", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_at", .datetime, .required)
            .field("locked_by", .string)
            .field("locked_until", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.schema(RecurringJob.schema)
            .id()
            .field("kind", .string, .required)
            .field("interval_seconds", .int, .required)
            .field("next_run_at", .datetime, .required)
            .unique(on: "kind")
            .create()
        // The claim query looks for due jobs by status and time.
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "jobs_due").on(Job.schema).column("status").column("run_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RecurringJob.schema).delete()
        try await database.schema(Job.schema).delete()
    }
}
