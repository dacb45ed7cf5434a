import Fluent
import SQLKit

struct CreateWebhooks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(WebhookEndpoint.schema)
            .id()
            .field("name", .string, .required)
            .field("url", .string, .required)
            .field("secret", .string, .required)
            .field("events", .array(of: .string), .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(WebhookDelivery.schema)
            .id()
            .field("endpoint_id", .uuid, .required, .references(WebhookEndpoint.schema, "id", onDelete: .cascade))
            .field("event_id", .uuid, .required)
            .field("event", .string, .required)
            .field("body", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("response_code", .int)
            .field("last_error", .string)
            .field("created_at", .datetime, .required)
            .field("delivered_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            // The admin page reads the newest deliveries of every endpoint.
            try await sql.raw("CREATE INDEX webhook_deliveries_newest ON webhook_deliveries (created_at)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(WebhookDelivery.schema).delete()
        try await database.schema(WebhookEndpoint.schema).delete()
    }
}
