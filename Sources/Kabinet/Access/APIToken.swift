import Fluent
import Foundation

/// A personal API token: lets a user's own programs call the JSON API with the user's permissions.
///
/// Like sessions, only the SHA-256 of the secret is stored: the secret is shown once when the token is created and
/// cannot be read back, so a leaked database hands out no API access. Revoking deletes the row; the audit trail
/// keeps that it existed.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID var id: UUID?
    @Parent(key: "user_id") var user: User
    /// What the user calls it («1С интеграция»), so they know which one to revoke.
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?

    init() {}

    init(userID: UUID, name: String, tokenHash: String) {
        self.$user.id = userID
        self.name = name
        self.tokenHash = tokenHash
    }
}
