import Fluent
import Vapor

/// The providers this portal talks to: the one new payments go to (`active`), and every configured one by
/// name, so a payment made before a switch of provider is still settled by the provider that made it.
struct PaymentProviders: Sendable {
    let active: any PaymentProvider
    private let byName: [String: any PaymentProvider]

    init(settings portal: Settings, database: any Database) {
        let settings = portal.payments
        let sandbox = SandboxPaymentProvider(
            database: database, signer: SandboxSigner(secret: settings.sandboxSecret), baseURL: portal.baseURL)
        var all: [String: any PaymentProvider] = [:]
        // The sandbox only exists when chosen: in a portal taking real money nobody may «pay» on a page.
        if settings.provider == .sandbox {
            all[PaymentSettings.ProviderName.sandbox.rawValue] = sandbox
        }
        if let yookassa = settings.yookassa {
            all[PaymentSettings.ProviderName.yookassa.rawValue] = YooKassaPaymentProvider(settings: yookassa)
        }
        byName = all
        active = all[settings.provider.rawValue] ?? sandbox
    }

    func named(_ name: String) -> (any PaymentProvider)? { byName[name] }
}

extension Request {
    /// The providers bound to this request's database (the sandbox keeps its payments there).
    var paymentProviders: PaymentProviders {
        PaymentProviders(settings: application.settings, database: db)
    }
}
