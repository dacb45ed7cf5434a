import Fluent
import Foundation

/// A person who logs in: an agent, a partner admin or a member of the back office.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    enum Status: String, Codable, CaseIterable, Sendable {
        /// Created by an administrator, has not set a password yet.
        case invited
        case active
        case blocked
    }

    @ID var id: UUID?
    @Field(key: "login") var login: String
    @Field(key: "full_name") var fullName: String
    @Field(key: "email") var email: String
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "role_code") var roleCode: String
    @OptionalParent(key: "channel_id") var channel: SalesChannel?
    @OptionalParent(key: "agency_id") var agency: Agency?
    @OptionalParent(key: "office_id") var office: Office?
    @Enum(key: "status") var status: Status
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "first_failed_at") var firstFailedAt: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    @OptionalField(key: "locale") var locale: String?
    @OptionalField(key: "last_login_at") var lastLoginAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(
        id: UUID? = nil, login: String, fullName: String, email: String, roleCode: String,
        channelID: UUID? = nil, agencyID: UUID? = nil, officeID: UUID? = nil, status: Status = .invited
    ) {
        self.id = id
        self.login = login
        self.fullName = fullName
        self.email = email
        self.roleCode = roleCode
        self.$channel.id = channelID
        self.$agency.id = agencyID
        self.$office.id = officeID
        self.status = status
        self.failedLogins = 0
    }
}

extension User {
    /// Logins compare without case and surrounding spaces, the way people type them.
    static func normalize(login: String) -> String {
        login.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
