import Fluent
import SQLKit

/// Personal API tokens, looked up by the hash of the secret on every API call.
struct CreateAPITokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .unique(on: "token_hash")
            .create()
        // The profile lists a user's tokens.
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "api_tokens_user").on(APIToken.schema).column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
