import Fluent

struct CreateUsers: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let status = try await database.enum("user_status")
            .case("invited").case("active").case("blocked")
            .create()
        try await database.schema(User.schema)
            .id()
            .field("login", .string, .required)
            .field("full_name", .string, .required)
            .field("email", .string, .required)
            .field("password_hash", .string)
            .field("role_code", .string, .required)
            .field("channel_id", .uuid, .references(SalesChannel.schema, "id"))
            .field("agency_id", .uuid, .references(Agency.schema, "id"))
            .field("office_id", .uuid, .references(Office.schema, "id"))
            .field("status", status, .required)
            .field("failed_logins", .int, .required)
            .field("first_failed_at", .datetime)
            .field("locked_until", .datetime)
            .field("locale", .string)
            .field("last_login_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "login")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(User.schema).delete()
        try await database.enum("user_status").delete()
    }
}
