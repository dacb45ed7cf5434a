import Fluent
import Foundation

/// One «Отправить документы на e-mail» of a contract: to which e-mail, which phone must be named to confirm it,
/// and how far the client got. A new sending (after «Редактировать» of a wrong e-mail) revokes the earlier one.
/// The rows of a contract, with its codes and events, are the signing evidence printed in the protocol.
final class Signing: Model, @unchecked Sendable {
    static let schema = "signings"

    enum Stage: String, Codable, Sendable {
        /// E-mail 1 sent; waiting for «Подтвердить e-mail» and the phone.
        case sent
        /// E-mail confirmed; e-mail 2 with the samples and «Ввести СМС-код» sent.
        case emailConfirmed = "email_confirmed"
        /// The SMS code was right: the contract is «Подписан».
        case signed
        /// Replaced by a later sending.
        case revoked
    }

    @ID var id: UUID?
    @Parent(key: "contract_id") var contract: Contract
    @Field(key: "email") var email: String
    /// The policyholder's mobile phone in the contract, as `RussianPhoneNumber.digits` ("79161234567").
    @Field(key: "phone") var phone: String
    @Enum(key: "stage") var stage: Stage
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String
    @OptionalField(key: "email_confirmed_at") var emailConfirmedAt: Date?
    /// Wrong phone numbers typed on the confirmation page.
    @Field(key: "phone_attempts") var phoneAttempts: Int
    @OptionalField(key: "signed_at") var signedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    init(contractID: UUID, email: String, phone: String, createdBy: String, now: Date) {
        self.$contract.id = contractID
        self.email = email
        self.phone = phone
        self.stage = .sent
        self.createdAt = now
        self.createdBy = createdBy
        self.phoneAttempts = 0
    }
}

/// One SMS code sent for a signing. Only a salted SHA-256 of the code is stored.
final class SigningCode: Model, @unchecked Sendable {
    static let schema = "signing_codes"

    @ID var id: UUID?
    @Parent(key: "signing_id") var signing: Signing
    @Field(key: "contract_id") var contractID: UUID
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "salt") var salt: String
    @Field(key: "phone") var phone: String
    @Field(key: "sent_at") var sentAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "wrong_attempts") var wrongAttempts: Int
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(signingID: UUID, contractID: UUID, codeHash: String, salt: String, phone: String, sentAt: Date, expiresAt: Date) {
        self.$signing.id = signingID
        self.contractID = contractID
        self.codeHash = codeHash
        self.salt = salt
        self.phone = phone
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.wrongAttempts = 0
    }
}

/// One step of the client or the agent in a signing, with the address and browser it came from: the evidence.
final class SigningEvent: Model, @unchecked Sendable {
    static let schema = "signing_events"

    @ID var id: UUID?
    @Field(key: "signing_id") var signingID: UUID
    @Field(key: "contract_id") var contractID: UUID
    @Field(key: "at") var at: Date
    /// `SigningStep` raw value.
    @Field(key: "step") var step: String
    @OptionalField(key: "ip") var ip: String?
    @OptionalField(key: "user_agent") var userAgent: String?
    @OptionalField(key: "detail") var detail: String?

    init() {}

    init(signingID: UUID, contractID: UUID, at: Date, step: SigningStep, ip: String?, userAgent: String?, detail: String?) {
        self.signingID = signingID
        self.contractID = contractID
        self.at = at
        self.step = step.rawValue
        self.ip = ip
        self.userAgent = userAgent.map { String($0.prefix(400)) }
        self.detail = detail
    }
}

/// What happened, for the protocol and the agent's view of the signing.
enum SigningStep: String, Codable, Sendable, CaseIterable {
    case documentsSent = "documents_sent"
    case emailLinkOpened = "email_link_opened"
    case phoneWrong = "phone_wrong"
    case emailConfirmed = "email_confirmed"
    case codeSent = "code_sent"
    case codeWrong = "code_wrong"
    case signed
    case originalsSent = "originals_sent"
    case revoked
}
