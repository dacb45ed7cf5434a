import Fluent
import Foundation

/// A login session kept in the database so that several app instances share it. The cookie carries a random
/// token; only its SHA-256 is stored, so a leaked database does not hand out sessions.
final class UserSession: Model, @unchecked Sendable {
    static let schema = "user_sessions"
    @ID var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: User
    @Field(key: "remember") var remember: Bool
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date
    @OptionalField(key: "ip") var ip: String?
    @OptionalField(key: "user_agent") var userAgent: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(tokenHash: String, userID: UUID, remember: Bool, expiresAt: Date, ip: String?, userAgent: String?) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.remember = remember
        self.expiresAt = expiresAt
        self.lastSeenAt = Date()
        self.ip = ip
        self.userAgent = userAgent
    }
}

/// A single-use link token: password recovery (1 hour) or invitation. Stored hashed, marked used once consumed.
final class LinkToken: Model, @unchecked Sendable {
    static let schema = "link_tokens"

    enum Purpose: String, Codable, Sendable {
        case recovery
        case invitation
    }

    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    @Enum(key: "purpose") var purpose: Purpose
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(userID: UUID, purpose: Purpose, tokenHash: String, expiresAt: Date) {
        self.$user.id = userID
        self.purpose = purpose
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
