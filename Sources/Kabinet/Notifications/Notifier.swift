import Fluent
import Foundation
import SQLKit

/// Creating notifications: one place, so every module notifies the same way — under the bell, once per event,
/// and by e-mail too when the user asked for that kind (`NotificationPreference`).
///
/// Everything is written on `database`: pass the transaction of the change that caused it, and the notification
/// and its e-mail (an `Outbox` row) commit or roll back with that change.
struct Notifier: Sendable {
    let database: any Database

    /// `titleKey` and `bodyKey` are localisation keys; `arguments` fill their `{0}`, `{1}`… when shown.
    /// `eventKey` names the event: a second call with the same key for the same user does nothing and returns false.
    @discardableResult
    func notify(_ userID: UUID, kind: String, titleKey: String, bodyKey: String, arguments: [String] = [],
                link: String?, eventKey: String? = nil) async throws -> Bool
    {
        let notification = Notification(userID: userID, kind: kind, titleKey: titleKey, bodyKey: bodyKey,
                                         arguments: arguments, link: link)
        notification.eventKey = eventKey
        if eventKey != nil {
            guard try await insertOnce(notification) else { return false }
        } else {
            try await notification.create(on: database)
        }
        try await NotificationMail(database: database).send(notification)
        return true
    }

    /// Inserts unless the user already has the event: `ON CONFLICT DO NOTHING` on the unique (user, event) index,
    /// so two racing callers cannot both notify, and the loser's transaction is not aborted by an error.
    private func insertOnce(_ note: Notification) async throws -> Bool {
        guard let sql = database as? any SQLDatabase else {
            try await note.create(on: database)
            return true
        }
        let id = UUID()
        let now = Date()
        let row = try await sql.raw("""
            INSERT INTO notifications (id, user_id, kind, title, body, arguments, link, event_key, created_at) \
            VALUES (\(bind: id), \(bind: note.$user.id), \(bind: note.kind), \(bind: note.title), \(bind: note.body), \
            \(bind: note.storedArguments), \(bind: note.link), \(bind: note.eventKey), \(bind: now)) \
            ON CONFLICT (user_id, event_key) DO NOTHING RETURNING id
            """).first()
        guard row != nil else { return false }
        note.id = id
        note.createdAt = now
        return true
    }
}
