import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The built-in provider for development and demonstrations. Its «bank» is a page of the portal
/// (`/sandbox/payments/:id`) where a person presses «Оплатить» or «Отклонить платёж»; the result comes back as
/// a notification signed with `SandboxSigner`, checked by the same code as any provider's callback.
struct SandboxPaymentProvider: PaymentProvider {
    let database: any Database
    let signer: SandboxSigner
    let baseURL: String
    var name: String { PaymentSettings.ProviderName.sandbox.rawValue }

    func create(_ request: ProviderPaymentRequest, client: any Client) async throws -> ProviderPayment {
        if let existing = try await SandboxPayment.query(on: database)
            .filter(\.$idempotenceKey == request.idempotenceKey).first()
        {
            return view(existing)
        }
        let payment = SandboxPayment(request: request, now: Date())
        try await payment.create(on: database)
        return view(payment)
    }

    func status(of providerPaymentID: String, client: any Client) async throws -> ProviderPayment {
        guard let payment = try await SandboxPayment.find(providerPaymentID, on: database) else {
            throw PaymentProviderFailure(reason: "sandbox payment \(providerPaymentID) not found")
        }
        return view(payment)
    }

    /// The signature is the whole check: the body was written by whoever holds the secret.
    func verify(_ notification: IncomingNotification, client: any Client) async throws -> VerifiedNotification {
        guard signer.isValid(notification.headers.first(name: SandboxSigner.header), for: notification.body) else {
            throw PaymentNotificationRefused(reason: "sandbox signature missing or wrong")
        }
        guard let body = try? SandboxNotificationBody.decode(notification.body),
              let status = Payment.Status(rawValue: body.status), let currency = CurrencyCode(rawValue: body.currency)
        else { throw PaymentNotificationRefused(reason: "sandbox notification body unreadable") }
        let payment = ProviderPayment(
            id: body.paymentID, status: status, amount: Money(minorUnits: body.amountMinor, currency: currency),
            paidAt: status == .succeeded ? body.at : nil)
        return VerifiedNotification(eventKey: "\(name):\(body.paymentID):\(status.rawValue)", payment: payment)
    }

    func linkForPeople(sbpPayload: String) -> String {
        SandboxNSPKLink.sandboxURL(for: sbpPayload, baseURL: baseURL)
    }

    /// The signed notification the sandbox page sends when the person decides.
    func notification(for payment: SandboxPayment, at date: Date) throws -> IncomingNotification {
        let body = try SandboxNotificationBody(
            paymentID: payment.id ?? "", status: payment.status, amountMinor: payment.amountMinor,
            currency: payment.currency, at: date).json()
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: SandboxSigner.header, value: signer.signature(of: body))
        return IncomingNotification(headers: headers, body: body, remoteIP: nil)
    }

    private func view(_ payment: SandboxPayment) -> ProviderPayment {
        let id = payment.id ?? ""
        return ProviderPayment(
            id: id, status: Payment.Status(rawValue: payment.status) ?? .pending,
            amount: CurrencyCode(rawValue: payment.currency).map { Money(minorUnits: payment.amountMinor, currency: $0) },
            confirmationURL: baseURL + "/sandbox/payments/" + id,
            sbpPayload: SandboxNSPKLink.make(qrcID: payment.qrcID, amountMinor: payment.amountMinor,
                                             currency: payment.currency),
            paidAt: nil)
    }
}
