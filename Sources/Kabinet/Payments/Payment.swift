import Fluent
import Foundation
import KabinetDomain

/// One attempt to pay a contract through a provider: what was asked (amount, method), what the provider
/// answered (its id, the confirmation page, the СБП link) and how it ended. A contract may have several
/// (a declined one, then a paid one); the contract itself becomes «Оплачен» only through `PaymentSettlement`.
final class Payment: Model, @unchecked Sendable {
    static let schema = "payments"

    enum Status: String, Codable, Sendable {
        /// Created at the provider, waiting for the client.
        case pending
        case succeeded
        /// Declined, expired or cancelled at the provider; a new attempt gets a new payment.
        case canceled
    }

    enum Method: String, Codable, Sendable, CaseIterable {
        /// «Оплатить СБП»: a QR code / link of the Faster Payments System.
        case sbp
        /// «Прочие способы оплаты»: the provider's own page (cards, wallets).
        case other
    }

    @ID var id: UUID?
    @Parent(key: "contract_id") var contract: Contract
    /// `PaymentSettings.ProviderName` raw value: callbacks are checked by the provider that made the payment.
    @Field(key: "provider") var provider: String
    @Field(key: "provider_payment_id") var providerPaymentID: String
    /// "contract-id:method:attempt": the same key sent twice makes the provider return the same payment.
    @Field(key: "idempotence_key") var idempotenceKey: String
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    @Enum(key: "status") var status: Status
    @Enum(key: "method") var method: Method
    @OptionalField(key: "confirmation_url") var confirmationURL: String?
    /// The СБП link the QR code carries, as the provider gave it.
    @OptionalField(key: "sbp_payload") var sbpPayload: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "paid_at") var paidAt: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(contractID: UUID, provider: String, idempotenceKey: String, amount: Money, method: Method, now: Date) {
        self.$contract.id = contractID
        self.provider = provider
        self.providerPaymentID = ""
        self.idempotenceKey = idempotenceKey
        self.amountMinor = amount.minorUnits
        self.currency = amount.currency.rawValue
        self.status = .pending
        self.method = method
        self.createdAt = now
        self.updatedAt = now
    }

    var amount: Money? {
        CurrencyCode(rawValue: currency).map { Money(minorUnits: amountMinor, currency: $0) }
    }
}

/// One notification a provider sent (or the sandbox page produced), stored once under its event key so a
/// repeated delivery is recognised and changes nothing. Only an excerpt of the body is kept: enough to
/// investigate, too little to matter if it held anything personal.
final class PaymentNotification: Model, @unchecked Sendable {
    static let schema = "payment_notifications"
    static let excerptLength = 500

    @ID var id: UUID?
    @Field(key: "provider") var provider: String
    /// "provider:payment-id:status": the provider repeats a notification until it gets 200, always the same.
    @Field(key: "event_key") var eventKey: String
    @OptionalField(key: "payment_id") var paymentID: UUID?
    @Field(key: "received_at") var receivedAt: Date
    /// What it did: "paid", "canceled", "ignored: …".
    @Field(key: "outcome") var outcome: String
    @Field(key: "body_excerpt") var bodyExcerpt: String

    init() {}

    init(provider: String, eventKey: String, paymentID: UUID?, outcome: String, body: String, now: Date) {
        self.provider = provider
        self.eventKey = eventKey
        self.paymentID = paymentID
        self.outcome = outcome
        self.bodyExcerpt = String(body.prefix(Self.excerptLength))
        self.receivedAt = now
    }
}
