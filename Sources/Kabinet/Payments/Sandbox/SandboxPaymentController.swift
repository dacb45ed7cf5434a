import Fluent
import KabinetDomain
import Vapor

/// The sandbox provider's «bank»: `/sandbox/payments/:id` shows what is being paid, «Оплатить» and «Отклонить
/// платёж» decide, and the decision reaches the portal as a signed notification through the same check as
/// `POST /payments/callback/sandbox`. `/sandbox/nspk/:qrc` stands in for qr.nspk.ru for the sandbox's СБП links.
/// Registered only when the sandbox is the provider.
struct SandboxPaymentController: RouteCollection {
    struct SandboxPage: Encodable {
        var id: String
        var description: String
        var amount: String
        var status: String
        var pending: Bool
        var returnURL: String
    }

    func boot(routes: any RoutesBuilder) throws {
        let sandbox = routes.grouped("sandbox")
        sandbox.get("payments", ":id", use: show)
        sandbox.post("payments", ":id", "pay") { try await decide($0, .succeeded) }
        sandbox.post("payments", ":id", "decline") { try await decide($0, .canceled) }
        sandbox.get("nspk", ":qrc", use: followSBPLink)
    }

    func show(req: Request) async throws -> Response {
        let payment = try await find(req)
        let amount = CurrencyCode(rawValue: payment.currency).map {
            req.formatted(Money(minorUnits: payment.amountMinor, currency: $0))
        } ?? "\(payment.amountMinor) \(payment.currency)"
        return try await req.page("payments/sandbox", title: "payments.sandbox.title", SandboxPage(
            id: payment.id ?? "", description: payment.description, amount: amount,
            status: req.t("payments.sandbox.status.\(payment.status)"),
            pending: payment.status == Payment.Status.pending.rawValue, returnURL: payment.returnURL))
    }

    /// Records the decision in the sandbox's books, then notifies the portal as the provider would.
    func decide(_ req: Request, _ status: Payment.Status) async throws -> Response {
        let payment = try await find(req)
        guard payment.status == Payment.Status.pending.rawValue else { return req.redirect(to: payment.returnURL) }
        payment.status = status.rawValue
        try await payment.save(on: req.db)
        guard let sandbox = req.paymentProviders.named(PaymentSettings.ProviderName.sandbox.rawValue)
            as? SandboxPaymentProvider
        else { throw Abort(.notFound) }
        let notification = try sandbox.notification(for: payment, at: Date())
        _ = try await PaymentCallbackController.receive(notification, providerName: sandbox.name, on: req)
        return req.redirect(to: payment.returnURL)
    }

    /// What a bank app does with a qr.nspk.ru link, for the sandbox's own ids.
    func followSBPLink(req: Request) async throws -> Response {
        guard let qrc = req.parameters.get("qrc"),
              let payment = try await SandboxPayment.query(on: req.db).filter(\.$qrcID == qrc).first(),
              let id = payment.id
        else { throw Abort(.notFound) }
        return req.redirect(to: "/sandbox/payments/\(id)")
    }

    private func find(_ req: Request) async throws -> SandboxPayment {
        guard let id = req.parameters.get("id"), let payment = try await SandboxPayment.find(id, on: req.db) else {
            throw Abort(.notFound)
        }
        return payment
    }
}
