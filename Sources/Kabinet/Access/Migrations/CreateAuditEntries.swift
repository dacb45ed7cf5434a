import Fluent
import SQLKit

struct CreateAuditEntries: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_login", .string, .required)
            .field("action", .string, .required)
            .field("entity_type", .string, .required)
            .field("entity_id", .string)
            .field("summary", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("ip", .string)
            .create()
        // The audit page filters by time, actor, action and record; each gets an index so it stays fast as it grows.
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "audit_entries_at").on(AuditEntry.schema).column("at").run()
        try await sql.create(index: "audit_entries_actor").on(AuditEntry.schema).column("actor_id").column("at").run()
        try await sql.create(index: "audit_entries_entity").on(AuditEntry.schema).column("entity_type").column("entity_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}
