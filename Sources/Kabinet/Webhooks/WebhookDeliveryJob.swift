import Fluent
import Foundation
import NIOCore
import Vapor

/// Sends one delivery: `POST` of the stored body with its event, delivery id and signature in the headers. Any
/// 2xx answer delivers it; anything else is recorded and thrown, so the job system retries with backoff, and
/// after the last attempt the delivery is marked failed on the admin page.
///
/// `X-Kabinet-Signature: sha256=<hex>` is HMAC-SHA256 of `<X-Kabinet-Timestamp>.<body>` with the endpoint's
/// secret: the timestamp inside the signature lets a receiver refuse an old delivery played again.
enum WebhookDeliveryJob {
    static let timeout: TimeAmount = .seconds(10)

    static func register(in handlers: inout JobHandlers) {
        handlers.register(WebhookEvents.deliverJob, as: WebhookEvents.DeliverPayload.self, lane: .outbound) { context, payload in
            try await deliver(payload.deliveryID, context: context)
        }
    }

    static func headers(for delivery: WebhookDelivery, secret: String, at: Date) -> HTTPHeaders {
        let timestamp = String(Int(at.timeIntervalSince1970))
        return [
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Kabinet-Webhooks/1",
            "X-Kabinet-Event": delivery.event,
            "X-Kabinet-Delivery": delivery.id?.uuidString ?? "",
            "X-Kabinet-Timestamp": timestamp,
            "X-Kabinet-Signature": BodySignature(secret: secret).signature(of: timestamp + "." + delivery.body),
        ]
    }

    static func deliver(_ id: UUID, context: JobContext, now: Date = Date()) async throws {
        guard let delivery = try await WebhookDelivery.find(id, on: context.db),
              delivery.status == WebhookDelivery.Status.pending.rawValue
        else { return }
        // A deleted endpoint takes its deliveries with it; nothing to send.
        guard let endpoint = try await WebhookEndpoint.find(delivery.endpointID, on: context.db) else { return }
        delivery.attempts += 1
        do {
            let secret = try context.application.secretBox.open(endpoint.sealedSecret)
            let response = try await context.application.client.post(
                URI(string: endpoint.url), headers: headers(for: delivery, secret: secret, at: now)
            ) { request in
                request.body = ByteBuffer(string: delivery.body)
                request.timeout = timeout
            }
            delivery.responseCode = Int(response.status.code)
            guard (200..<300).contains(response.status.code) else {
                throw WebhookRefused(status: response.status)
            }
            delivery.status = WebhookDelivery.Status.delivered.rawValue
            delivery.deliveredAt = Date()
            delivery.lastError = nil
            try await delivery.save(on: context.db)
        } catch {
            delivery.lastError = String(String(describing: error).prefix(500))
            if delivery.attempts >= WebhookEvents.maxAttempts {
                delivery.status = WebhookDelivery.Status.failed.rawValue
            }
            try await delivery.save(on: context.db)
            throw error
        }
    }
}

struct WebhookRefused: Error, CustomStringConvertible {
    var status: HTTPResponseStatus
    var description: String { "the endpoint answered \(status.code) \(status.reasonPhrase)" }
}
