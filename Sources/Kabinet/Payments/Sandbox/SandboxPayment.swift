import Fluent
import Foundation

/// A payment as the built-in sandbox provider keeps it: the sandbox is a provider, so it has its own books,
/// apart from the portal's `payments`; the portal learns of a change only through a signed notification.
final class SandboxPayment: Model, @unchecked Sendable {
    static let schema = "sandbox_payments"

    @ID(custom: "id", generatedBy: .user) var id: String?
    @Field(key: "idempotence_key") var idempotenceKey: String
    /// The NSPK QR id («AS1000…») its СБП link carries.
    @Field(key: "qrc_id") var qrcID: String
    @Field(key: "amount_minor") var amountMinor: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "description") var description: String
    @Field(key: "return_url") var returnURL: String
    /// `Payment.Status` raw value.
    @Field(key: "status") var status: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(request: ProviderPaymentRequest, now: Date) {
        self.id = "sbx-" + UUID().uuidString.lowercased()
        self.idempotenceKey = request.idempotenceKey
        self.qrcID = SandboxNSPKLink.newQRCID()
        self.amountMinor = request.amount.minorUnits
        self.currency = request.amount.currency.rawValue
        self.description = request.description
        self.returnURL = request.returnURL
        self.status = Payment.Status.pending.rawValue
        self.createdAt = now
    }
}
