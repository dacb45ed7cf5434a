import Fluent
import Foundation

/// One line of a contract's history on the card: who, when, from which status to which, and why.
/// The audit trail keeps the same event with full snapshots; this table is what the card reads quickly.
final class ContractHistoryEntry: Model, @unchecked Sendable {
    static let schema = "contract_history"

    @ID var id: UUID?
    @Parent(key: "contract_id") var contract: Contract
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_login") var actorLogin: String
    /// `ContractActionKind` raw value, or "created" / "edited".
    @Field(key: "action") var action: String
    /// `ContractStatus` raw values; nil when the action does not change the status (payment, work).
    @OptionalField(key: "from_status") var fromStatus: String?
    @OptionalField(key: "to_status") var toStatus: String?
    @OptionalField(key: "reason") var reason: String?

    init() {}

    init(contractID: UUID, at: Date = Date(), actorID: UUID?, actorLogin: String, action: String,
         fromStatus: String? = nil, toStatus: String? = nil, reason: String? = nil) {
        self.$contract.id = contractID
        self.at = at
        self.actorID = actorID
        self.actorLogin = actorLogin
        self.action = action
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.reason = reason
    }

    static let created = "created"
    static let edited = "edited"
}
