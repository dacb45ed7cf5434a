import Fluent
import Foundation

/// An SMS code sent to confirm a client's phone («Подтвердить»). Only the salted SHA-256 is stored, as for the
/// signing codes; the limits are `SigningRules`.
final class ClientPhoneCode: Model, @unchecked Sendable {
    static let schema = "client_phone_codes"

    @ID var id: UUID?
    /// The agent who asked: a code confirms the phone for that agent's form only.
    @Field(key: "agent_id") var agentID: UUID
    /// Ten national digits.
    @Field(key: "phone") var phone: String
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "salt") var salt: String
    @Field(key: "sent_at") var sentAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "wrong_attempts") var wrongAttempts: Int
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(agentID: UUID, phone: String, codeHash: String, salt: String, sentAt: Date, expiresAt: Date) {
        self.agentID = agentID
        self.phone = phone
        self.codeHash = codeHash
        self.salt = salt
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.wrongAttempts = 0
    }
}

/// A contract on which the client is the policyholder or an insured: the profile's list and the binding rule
/// read it. Filled by `ClientContracts.refresh` from the contracts' own rows, so no contract code changes.
final class ClientContractLink: Model, @unchecked Sendable {
    static let schema = "client_contracts"

    @ID var id: UUID?
    @Field(key: "client_id") var clientID: UUID
    @Field(key: "contract_id") var contractID: UUID
    /// "policyholder" or "insured" (the policyholder role wins when the client is both).
    @Field(key: "role") var role: String

    init() {}
}
