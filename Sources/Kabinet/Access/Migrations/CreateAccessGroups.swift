import Fluent

struct CreateAccessGroups: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AccessGroup.schema)
            .id()
            .field("name", .string, .required)
            .unique(on: "name")
            .create()
        try await database.schema(AccessGroupMember.schema)
            .id()
            .field("group_id", .uuid, .required, .references(AccessGroup.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "group_id", "user_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AccessGroupMember.schema).delete()
        try await database.schema(AccessGroup.schema).delete()
    }
}
