import Foundation
import KabinetDomain
import Vapor

/// YooKassa's HTTP API: `POST /payments` with an `Idempotence-Key`, `GET /payments/{id}`, HTTP notifications.
/// YooKassa does not sign its notifications, so a notification is only a hint: the payment is read again by
/// GET with the shop's credentials and that answer is what the portal believes.
struct YooKassaPaymentProvider: PaymentProvider {
    let settings: PaymentSettings.YooKassa
    var name: String { PaymentSettings.ProviderName.yookassa.rawValue }

    func create(_ request: ProviderPaymentRequest, client: any Client) async throws -> ProviderPayment {
        let confirmation = request.method == .sbp
            ? YooKassaWire.Confirmation(type: "qr")
            : YooKassaWire.Confirmation(type: "redirect", returnURL: request.returnURL)
        let body = YooKassaWire.CreatePayment(
            amount: .init(request.amount), capture: true, confirmation: confirmation,
            description: String(request.description.prefix(128)),
            metadata: ["contract_id": request.contractID.uuidString],
            paymentMethodData: request.method == .sbp ? .init(type: "sbp") : nil)
        var headers = authorization()
        headers.replaceOrAdd(name: "Idempotence-Key", value: request.idempotenceKey)
        let response = try await send(client, .POST, "/payments", headers: headers) { try $0.content.encode(body, as: .json) }
        return try read(response)
    }

    func status(of providerPaymentID: String, client: any Client) async throws -> ProviderPayment {
        guard providerPaymentID.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }), !providerPaymentID.isEmpty else {
            throw PaymentProviderFailure(reason: "malformed YooKassa payment id")
        }
        return try read(try await send(client, .GET, "/payments/" + providerPaymentID, headers: authorization()))
    }

    func verify(_ notification: IncomingNotification, client: any Client) async throws -> VerifiedNotification {
        if !settings.notificationAllowlist.isEmpty,
           !IPAllowlist(settings.notificationAllowlist).contains(notification.remoteIP)
        {
            throw PaymentNotificationRefused(reason: "YooKassa notification from an address not in the allowlist")
        }
        guard let hint = try? JSONDecoder().decode(YooKassaWire.Notification.self, from: Data(notification.body.utf8)),
              hint.type == "notification"
        else { throw PaymentNotificationRefused(reason: "not a YooKassa notification") }
        guard hint.event.hasPrefix("payment.") else { throw PaymentNotificationIgnored(reason: hint.event) }
        let payment: ProviderPayment
        do {
            payment = try await status(of: hint.object.id, client: client)
        } catch let failure as PaymentProviderFailure {
            throw PaymentNotificationRefused(reason: "YooKassa does not confirm the payment: \(failure.reason)")
        }
        return VerifiedNotification(eventKey: "\(name):\(payment.id):\(payment.status.rawValue)", payment: payment)
    }

    private func authorization() -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.basicAuthorization = BasicAuthorization(username: settings.shopID, password: settings.secretKey)
        headers.replaceOrAdd(name: .accept, value: "application/json")
        return headers
    }

    private func send(_ client: any Client, _ method: HTTPMethod, _ path: String, headers: HTTPHeaders,
                      body: ((inout ClientRequest) throws -> Void)? = nil) async throws -> ClientResponse {
        var request = ClientRequest(method: method, url: URI(string: settings.apiURL + path), headers: headers)
        try body?(&request)
        request.timeout = .seconds(15)
        do {
            return try await client.send(request)
        } catch {
            throw PaymentProviderFailure(reason: "YooKassa unreachable: \(error)")
        }
    }

    private func read(_ response: ClientResponse) throws -> ProviderPayment {
        guard response.status == .ok else {
            throw PaymentProviderFailure(reason: "YooKassa answered \(response.status.code)")
        }
        guard let payment = try? response.content.decode(YooKassaWire.Payment.self) else {
            throw PaymentProviderFailure(reason: "YooKassa answer unreadable")
        }
        let status: Payment.Status = switch payment.status {
        case "succeeded": .succeeded
        case "canceled": .canceled
        default: .pending  // pending, waiting_for_capture (never with capture: true)
        }
        return ProviderPayment(
            id: payment.id, status: status, amount: payment.amount.money,
            confirmationURL: payment.confirmation?.confirmationURL, sbpPayload: payment.confirmation?.confirmationData,
            paidAt: payment.capturedAt.flatMap(Self.date))
    }

    /// YooKassa writes "2018-07-18T10:51:18.139Z"; the fraction is optional.
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
