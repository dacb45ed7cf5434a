import Fluent
import SQLKit

/// Once-only delivery and e-mail preferences: `notifications.event_key` with a unique (user, event) index, an
/// index for the bell's page (user, newest first), and `notification_preferences` — per user per kind.
struct UpdateNotificationsAddEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Notification.schema).field("event_key", .string).update()
        try await database.schema(NotificationPreference.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("email", .bool, .required)
            .field("updated_at", .datetime)
            .unique(on: "user_id", "kind")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "notifications_user_event").unique().on(Notification.schema)
            .column("user_id").column("event_key").run()
        try await sql.create(index: "notifications_user_created").on(Notification.schema)
            .column("user_id").column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NotificationPreference.schema).delete()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "notifications_user_event").run()
        try await sql.drop(index: "notifications_user_created").run()
        try await database.schema(Notification.schema).deleteField("event_key").update()
    }
}
