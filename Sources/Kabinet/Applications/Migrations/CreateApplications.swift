import Fluent
import SQLKit

/// Application types, applications and their history lines. The queue filters by status, date, type, assignee
/// and contract number; each has an index, and the visibility columns lead the owner's own list.
struct CreateApplications: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ApplicationType.schema)
            .id()
            .field("name", .string, .required)
            .field("fields", .string, .required)
            .field("channel_ids", .string, .required)
            .field("effect", .string, .required)
            .field("signed_only", .bool, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(ContractApplication.schema)
            .id()
            .field("number", .int, .required)
            .field("type_id", .uuid, .required, .references(ApplicationType.schema, "id"))
            .field("type_name", .string, .required)
            .field("contract_id", .uuid, .required, .references(Contract.schema, "id", onDelete: .cascade))
            .field("contract_number", .string, .required)
            .field("owner_id", .uuid, .required)
            .field("agency_id", .uuid)
            .field("status", .string, .required)
            .field("assignee_id", .uuid)
            .field("answers", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .field("resolved_at", .datetime)
            .unique(on: "number")
            .create()
        try await database.schema(ApplicationEvent.schema)
            .id()
            .field("application_id", .uuid, .required, .references(ContractApplication.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_name", .string, .required)
            .field("action", .string, .required)
            .field("to_status", .string)
            .field("comment", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        let table = ContractApplication.schema
        for (name, columns) in [
            ("applications_status_created", ["status", "created_at"]), ("applications_owner", ["owner_id", "created_at"]),
            ("applications_agency", ["agency_id", "created_at"]), ("applications_contract", ["contract_id"]),
            ("applications_contract_number", ["contract_number"]), ("applications_assignee", ["assignee_id", "status"]),
            ("applications_type", ["type_id"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
        try await sql.create(index: "application_events_application").on(ApplicationEvent.schema)
            .column("application_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ApplicationEvent.schema).delete()
        try await database.schema(ContractApplication.schema).delete()
        try await database.schema(ApplicationType.schema).delete()
    }
}
