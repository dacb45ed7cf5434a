import Fluent
import Vapor

/// `POST /payments/callback/:provider`: providers' HTTP notifications. Exempt from CSRF (a provider has no
/// session); authenticity is the provider's own check (`PaymentProvider.verify`). Answers 200 once the event is
/// recorded — also for a repeat — so the provider stops retrying; a refused notification gets 401 and leaves
/// nothing behind but a log line.
struct PaymentCallbackController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "payments", "callback", ":provider", body: .collect(maxSize: "64kb"), use: callback)
    }

    func callback(req: Request) async throws -> Response {
        let notification = IncomingNotification(
            headers: req.headers, body: req.body.string ?? "", remoteIP: req.clientIP)
        let outcome = try await Self.receive(notification, providerName: req.parameters.get("provider") ?? "", on: req)
        return Response(status: .ok, body: .init(string: PaymentSettlement.describe(outcome)))
    }

    /// The one way in for every notification: the HTTP route above and the sandbox page's buttons.
    static func receive(_ notification: IncomingNotification, providerName: String, on req: Request) async throws
        -> PaymentSettlement.Outcome
    {
        guard let provider = req.paymentProviders.named(providerName) else { throw Abort(.notFound) }
        let verified: VerifiedNotification
        do {
            verified = try await provider.verify(notification, client: req.client)
        } catch let refused as PaymentNotificationRefused {
            // Only the reason and the sender: never the body or a header (they may carry a secret).
            req.logger.warning("\(refused) (provider \(providerName), from \(notification.remoteIP ?? "?"))")
            throw Abort(.unauthorized, reason: "notification refused")
        } catch let ignored as PaymentNotificationIgnored {
            req.logger.info("payment notification ignored: \(ignored.reason.prefix(40))")
            return .ignored("event not handled")
        }
        return try await PaymentSettlement(database: req.db, logger: req.logger)
            .settle(verified, provider: provider.name, body: notification.body)
    }
}
