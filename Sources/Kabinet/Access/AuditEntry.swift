import Fluent
import Foundation

/// One line of the audit trail: who did what to which record, when, from where, with the values before and after.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"
    @ID var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_login") var actorLogin: String
    @Field(key: "action") var action: String
    @Field(key: "entity_type") var entityType: String
    @OptionalField(key: "entity_id") var entityID: String?
    @Field(key: "summary") var summary: String
    @OptionalField(key: "before") var before: String?
    @OptionalField(key: "after") var after: String?
    @OptionalField(key: "ip") var ip: String?

    init() {}
}
