import Fluent

/// Typed-but-unsaved contract forms kept by «Назад» (`ContractFormStash`), one per user and form.
struct CreateContractFormStashes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContractFormStash.schema)
            .id()
            .field("owner_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("form_key", .string, .required)
            .field("form", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "owner_id", "form_key")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContractFormStash.schema).delete()
    }
}
