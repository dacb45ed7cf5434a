import Fluent
import Vapor

/// The providers this portal talks to: the one new payments go to (`active`), and every configured one by
/// name, so a payment made before a switch of provider is still settled by the provider that made it.
struct PaymentProviders: Sendable {
    let active: any PaymentProvider
    private let byName: [String: any PaymentProvider]

    init(settings portal: Settings, database: any Database) {
        let settings = portal.payments
        var all: [String: any PaymentProvider] = [:]
        // The sandbox only exists when chosen, and never in production: there nobody may «pay» on a page.
        if settings.provider == .sandbox, !portal.isProduction {
            all[PaymentSettings.ProviderName.sandbox.rawValue] = SandboxPaymentProvider(
                database: database, signer: SandboxSigner(secret: settings.sandboxSecret), baseURL: portal.baseURL)
        }
        if let yookassa = settings.yookassa {
            all[PaymentSettings.ProviderName.yookassa.rawValue] = YooKassaPaymentProvider(settings: yookassa)
        }
        byName = all
        active = all[settings.provider.rawValue] ?? UnconfiguredPaymentProvider()
    }

    func named(_ name: String) -> (any PaymentProvider)? { byName[name] }
}

extension Request {
    /// The providers bound to this request's database (the sandbox keeps its payments there).
    var paymentProviders: PaymentProviders {
        PaymentProviders(settings: application.settings, database: db)
    }
}

/// A production portal without YooKassa configured: every payment fails with «could not reach the payment
/// system» instead of silently falling back to the sandbox.
struct UnconfiguredPaymentProvider: PaymentProvider {
    var name: String { "unconfigured" }
    private var failure: PaymentProviderFailure { .init(reason: "no payment provider configured (KABINET_PAYMENT_PROVIDER)") }

    func create(_ request: ProviderPaymentRequest, client: any Client) async throws -> ProviderPayment { throw failure }
    func status(of providerPaymentID: String, client: any Client) async throws -> ProviderPayment { throw failure }
    func verify(_ notification: IncomingNotification, client: any Client) async throws -> VerifiedNotification {
        throw PaymentNotificationRefused(reason: "no payment provider configured")
    }
}
