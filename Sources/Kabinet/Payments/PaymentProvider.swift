import Foundation
import KabinetDomain
import Vapor

/// What the portal asks of a payment provider. The pay page, the callback route and the settlement speak only
/// this, so the sandbox and YooKassa (and a next provider) are interchangeable and tested the same way.
protocol PaymentProvider: Sendable {
    /// Stored in `payments.provider` and in the callback path `/payments/callback/{name}`.
    var name: String { get }

    /// Creates a payment; the same `idempotenceKey` must give back the same payment, not a second one.
    func create(_ request: ProviderPaymentRequest, client: any Client) async throws -> ProviderPayment

    /// The provider's current word on a payment: used for notifications that must be confirmed and when the
    /// client comes back to the page before any notification arrived.
    func status(of providerPaymentID: String, client: any Client) async throws -> ProviderPayment

    /// Checks that an HTTP notification really comes from the provider and says what it reports; throws
    /// `PaymentNotificationRefused` otherwise. Must not trust the body more than the provider's own check allows.
    func verify(_ notification: IncomingNotification, client: any Client) async throws -> VerifiedNotification

    /// The link to put under the QR code for a person on a phone. The provider's СБП link by default; the
    /// sandbox, which has no bank behind it, points to its own page.
    func linkForPeople(sbpPayload: String) -> String
}

extension PaymentProvider {
    func linkForPeople(sbpPayload: String) -> String { sbpPayload }
}

struct ProviderPaymentRequest: Sendable {
    var amount: Money
    /// «Оплата по договору № …».
    var description: String
    var idempotenceKey: String
    /// Where the provider's page sends the client back: the pay page.
    var returnURL: String
    var method: Payment.Method
    var contractID: UUID
}

/// The provider's view of one payment.
struct ProviderPayment: Sendable, Equatable {
    var id: String
    var status: Payment.Status
    var amount: Money?
    /// The provider's page for «Прочие способы оплаты».
    var confirmationURL: String?
    /// The СБП link (qr.nspk.ru) the QR code carries.
    var sbpPayload: String?
    var paidAt: Date?
}

/// A notification as it arrived: what the provider needs to check it.
struct IncomingNotification: Sendable {
    var headers: HTTPHeaders
    var body: String
    /// The sender's address as the server saw it (forwarded headers are not trusted).
    var remoteIP: String?
}

/// A notification the provider vouched for.
struct VerifiedNotification: Sendable {
    /// The same for every delivery of one event, so a repeat is recognised.
    var eventKey: String
    var payment: ProviderPayment
}

/// Why a notification was refused; `reason` goes to the log (never a secret or the body).
struct PaymentNotificationRefused: Error, CustomStringConvertible {
    var reason: String
    var description: String { "payment notification refused: \(reason)" }
}

/// A genuine-looking notification of something the portal does not act on (a refund, a payout): answered 200
/// so the provider stops repeating it, and not recorded.
struct PaymentNotificationIgnored: Error {
    var reason: String
}

/// The provider could not be reached or answered something unusable; the client sees «try again».
struct PaymentProviderFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { "payment provider failed: \(reason)" }
}
