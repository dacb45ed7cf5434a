import Foundation

/// Which payment provider takes the clients' money and how to reach it. Kept apart from `Settings` so the
/// payment module owns its variables; `Settings.load` calls `PaymentSettings.load(from:isProduction:)`.
public struct PaymentSettings: Sendable {
    public enum ProviderName: String, Sendable, CaseIterable {
        /// The built-in sandbox: a page of the portal itself where a person pays or declines.
        case sandbox
        /// YooKassa's HTTP API (https://yookassa.ru/developers/api).
        case yookassa
    }

    public struct YooKassa: Sendable {
        public var shopID: String
        public var secretKey: String
        /// Without a trailing slash: "https://api.yookassa.ru/v3".
        public var apiURL: String
        /// When not empty, notifications are accepted only from these addresses (exact IPs or IPv4 CIDR
        /// blocks); authenticity never rests on it alone — every notification is re-read by GET.
        public var notificationAllowlist: [String]
    }

    public var provider: ProviderName
    /// HMAC-SHA256 key of the sandbox's callbacks. Random per process when not configured, so nobody can
    /// forge one without reading the environment of the server.
    public var sandboxSecret: String
    public var yookassa: YooKassa?

    /// Used by tests and for a server without any payment configuration outside production.
    static func sandbox(secret: String = SecretToken.generate()) -> PaymentSettings {
        PaymentSettings(provider: .sandbox, sandboxSecret: secret, yookassa: nil)
    }
}

extension PaymentSettings {
    /// Reads `KABINET_PAYMENT_PROVIDER`, `KABINET_PAYMENT_SANDBOX_SECRET`, `YOOKASSA_*`; problems go to `reader`.
    static func load(from reader: inout EnvironmentReader, isProduction: Bool) -> PaymentSettings {
        let configuredYooKassa = reader.string("YOOKASSA_SHOP_ID") != nil
        // In production an unconfigured portal must not fall back to a sandbox where anyone can «pay».
        let fallback: ProviderName = isProduction && configuredYooKassa ? .yookassa : .sandbox
        let provider = reader.choice("KABINET_PAYMENT_PROVIDER", default: fallback)
        let yookassa = reader.yooKassa(required: provider == .yookassa)
        if isProduction, provider == .sandbox, reader.string("KABINET_PAYMENT_PROVIDER") != nil {
            reader.problems.append("KABINET_PAYMENT_PROVIDER=sandbox is not allowed in production (anyone could pay)")
        }
        return PaymentSettings(
            provider: provider, sandboxSecret: reader.string("KABINET_PAYMENT_SANDBOX_SECRET") ?? SecretToken.generate(),
            yookassa: yookassa)
    }
}

extension EnvironmentReader {
    fileprivate mutating func yooKassa(required: Bool) -> PaymentSettings.YooKassa? {
        guard let shopID = string("YOOKASSA_SHOP_ID"), let secretKey = string("YOOKASSA_SECRET_KEY") else {
            if required { problems.append("YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY are required for KABINET_PAYMENT_PROVIDER=yookassa") }
            return nil
        }
        var apiURL = string("YOOKASSA_API_URL") ?? "https://api.yookassa.ru/v3"
        if apiURL.hasSuffix("/") { apiURL.removeLast() }
        if URL(string: apiURL)?.scheme?.hasPrefix("http") != true {
            problems.append("YOOKASSA_API_URL must be an http(s) address, got '\(apiURL)'")
        }
        let allowlist = (string("YOOKASSA_NOTIFICATION_IPS") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return .init(shopID: shopID, secretKey: secretKey, apiURL: apiURL, notificationAllowlist: allowlist)
    }
}
