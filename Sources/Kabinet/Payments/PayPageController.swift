import Fluent
import KabinetDomain
import Vapor

/// The client's pay page behind «Оплатить премию» in e-mail 3: `/pay/:token`. The token is the whole state of
/// the visit (nothing in cookies) and stays usable until the contract is paid; every press of a button is a
/// POST with the CSRF field, and pressing twice reuses the payment waiting for the client.
struct PayPageController: RouteCollection {
    /// The pay page's forms may lead on to the provider's own page («Прочие способы оплаты» redirects there).
    static let policy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        + "frame-ancestors 'none'; form-action 'self' https:"

    func boot(routes: any RoutesBuilder) throws {
        let pay = routes.grouped("pay", ":token")
        pay.get(use: show)
        pay.get("sbp", use: showSBP)
        pay.post("sbp") { try await start($0, .sbp) }
        pay.post("other") { try await start($0, .other) }
    }

    /// The link a contract's e-mail 3 carries.
    static func url(token: String, baseURL: String) -> String { "\(baseURL)/pay/\(token)" }

    func show(req: Request) async throws -> Response {
        let (contract, token) = try await PayLinkLookup.contract(req)
        try await PaymentRefresh(req: req).refresh(contract)
        let content = PayPageContent(contract: try await reloaded(contract, req), token: token, on: req)
        return try await render(content, on: req)
    }

    /// The СБП QR code of the payment waiting for the client; without one, back to the buttons. The page reloads
    /// itself every 15 s (a meta refresh: the CSP allows no inline script), so a desktop page turns into «Договор
    /// оплачен» once the phone has paid.
    func showSBP(req: Request) async throws -> Response {
        let (contract, token) = try await PayLinkLookup.contract(req)
        try await PaymentRefresh(req: req).refresh(contract)
        var content = PayPageContent(contract: try await reloaded(contract, req), token: token, on: req)
        guard content.state == .payable,
              let payment = try await PaymentStarter.waiting(for: try contract.requireID(), method: .sbp, on: req.db),
              let payload = payment.sbpPayload, let provider = req.paymentProviders.named(payment.provider),
              let svg = PaymentQR.svg(payload, label: req.t("payments.pay.qr_label"))
        else { return req.redirect(to: "/pay/\(token)") }
        content.sbp = .init(svg: svg, link: provider.linkForPeople(sbpPayload: payload))
        return try await render(content, on: req)
    }

    func start(_ req: Request, _ method: Payment.Method) async throws -> Response {
        let (contract, token) = try await PayLinkLookup.contract(req)
        guard PayPageContent.state(of: contract) == .payable else { return req.redirect(to: "/pay/\(token)") }
        let provider = req.paymentProviders.active
        let payment: Payment
        do {
            payment = try await PaymentStarter(database: req.db, provider: provider, client: req.client)
                .start(contract, method: method, returnURL: Self.url(token: token, baseURL: req.application.settings.baseURL))
        } catch let failure as PaymentProviderFailure {
            req.logger.error("\(failure)")
            var content = PayPageContent(contract: contract, token: token, on: req)
            content.error = req.t("payments.pay.provider_failed")
            return try await render(content, on: req, status: .serviceUnavailable)
        }
        if method == .other, let confirmation = payment.confirmationURL {
            return req.redirect(to: confirmation, redirectType: .normal)
        }
        return req.redirect(to: "/pay/\(token)/sbp")
    }

    private func reloaded(_ contract: Contract, _ req: Request) async throws -> Contract {
        try await Contract.find(contract.id, on: req.db) ?? contract
    }

    private func render(_ content: PayPageContent, on req: Request, status: HTTPStatus = .ok) async throws -> Response {
        let response = try await req.page("payments/pay", title: "payments.pay.title", content, status: status)
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.policy)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
