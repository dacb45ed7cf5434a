import Fluent
import Foundation

/// A link e-mailed to a client for one step of one contract: confirm the e-mail, enter the SMS code, pay.
/// Only the SHA-256 of its secret is stored. The link itself is the whole state of the client's visit — nothing
/// is kept in cookies — so two contracts opened on one device can never mix (seed 000 FAQ).
final class ContractLink: Model, @unchecked Sendable {
    static let schema = "contract_links"

    enum Purpose: String, Codable, Sendable, CaseIterable {
        /// «Подтвердить e-mail» in e-mail 1; single use.
        case confirmEmail = "confirm_email"
        /// «Ввести СМС-код» in e-mail 2; usable until the contract is signed.
        case sign
        /// «Оплатить премию» in e-mail 3; usable until the contract is paid.
        case pay
    }

    @ID var id: UUID?
    @Parent(key: "contract_id") var contract: Contract
    /// The sending («Отправить документы на e-mail») the link belongs to; a new sending revokes the old links.
    @OptionalField(key: "signing_id") var signingID: UUID?
    @Enum(key: "purpose") var purpose: Purpose
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(contractID: UUID, signingID: UUID?, purpose: Purpose, tokenHash: String, expiresAt: Date, now: Date) {
        self.$contract.id = contractID
        self.signingID = signingID
        self.purpose = purpose
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
        self.createdAt = now
    }
}
