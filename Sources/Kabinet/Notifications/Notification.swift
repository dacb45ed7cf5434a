import Fluent
import Foundation

/// A message for one user under the header bell: read or unread, with a link to what it is about.
/// Title and body are localisation keys with arguments, so each reader sees them in their own language.
final class Notification: Model, @unchecked Sendable {
    static let schema = "notifications"
    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "arguments") var storedArguments: String
    @OptionalField(key: "link") var link: String?
    @OptionalField(key: "read_at") var readAt: Date?
    /// What happened, once: «application.status:<id>:done». Two notifications with one key for one user cannot
    /// exist (unique index), so a repeated callback or a double click does not notify twice. Nil for events that
    /// may repeat (a lockout).
    @OptionalField(key: "event_key") var eventKey: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(userID: UUID, kind: String, titleKey: String, bodyKey: String, arguments: [String], link: String?) {
        self.$user.id = userID
        self.kind = kind
        self.title = titleKey
        self.body = bodyKey
        self.storedArguments = String(decoding: (try? JSONEncoder().encode(arguments)) ?? Data("[]".utf8), as: UTF8.self)
        self.link = link
    }

    var arguments: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(storedArguments.utf8))) ?? []
    }

    static func unreadCount(for userID: UUID, on db: any Database) async throws -> Int {
        try await Notification.query(on: db).filter(\.$user.$id == userID).filter(\.$readAt == nil).count()
    }
}
