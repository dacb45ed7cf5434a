import Vapor

/// The payment module's public routes, registered by `routes(_:)` before the login wall: the client's pay page,
/// providers' callbacks, and the sandbox's page when the sandbox is the provider.
enum PaymentRoutes {
    static func register(on app: Application) throws {
        try app.register(collection: PaymentCallbackController())
        try app.grouped(PayLinkRefusalMiddleware()).register(collection: PayPageController())
        if app.settings.payments.provider == .sandbox, !app.settings.isProduction {
            try app.register(collection: SandboxPaymentController())
        }
    }
}
