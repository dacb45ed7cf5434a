import Fluent
import Foundation

/// One user's choice for one kind of notification: whether it also comes by e-mail. Under the bell it always
/// comes; a missing row means «not by e-mail», so nobody gets mail they did not ask for.
final class NotificationPreference: Model, @unchecked Sendable {
    static let schema = "notification_preferences"

    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    /// `NotificationKind.code`.
    @Field(key: "kind") var kind: String
    @Field(key: "email") var email: Bool
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(userID: UUID, kind: String, email: Bool) {
        self.$user.id = userID
        self.kind = kind
        self.email = email
    }

    static func wantsEmail(_ userID: UUID, kind: String, on db: any Database) async throws -> Bool {
        try await query(on: db).filter(\.$user.$id == userID).filter(\.$kind == kind).filter(\.$email == true)
            .first() != nil
    }

    /// The kinds the user receives by e-mail.
    static func emailKinds(of userID: UUID, on db: any Database) async throws -> Set<String> {
        Set(try await query(on: db).filter(\.$user.$id == userID).filter(\.$email == true).all().map(\.kind))
    }

    /// Stores exactly `kinds` as «by e-mail» among `offered`, leaving kinds the user is not offered untouched.
    static func save(_ kinds: Set<String>, offered: [String], for userID: UUID, on db: any Database) async throws {
        let existing = try await query(on: db).filter(\.$user.$id == userID).all()
        let byKind = Dictionary(existing.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
        for kind in offered {
            let wanted = kinds.contains(kind)
            if let row = byKind[kind] {
                guard row.email != wanted else { continue }
                row.email = wanted
                try await row.save(on: db)
            } else if wanted {
                try await NotificationPreference(userID: userID, kind: kind, email: true).create(on: db)
            }
        }
    }
}
