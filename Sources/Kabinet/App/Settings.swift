import Foundation
import Vapor

/// Everything configurable, read once from the environment with defaults, failing fast with the whole list
/// of what is wrong (a half-configured server that starts and then fails on the first e-mail helps nobody).
public struct Settings: Sendable {
    public enum MailTransport: String, Sendable { case development, smtp }

    public var dataDirectory: String
    public var databaseURL: String?
    public var baseURL: String
    public var companyName: String
    public var mailTransport: MailTransport
    public var mailFrom: String
    public var smtp: SMTPSettings?
    public var smsGatewayURL: String?
    public var smsGatewayLogin: String?
    public var smsGatewayPassword: String?
    public var smsSender: String
    public var runWorkers: Bool
    public var loadDemoData: Bool
    /// How many generated contracts of the demo agents a fresh demo install gets, so the contract list, reports
    /// and acts have something to show on the first visit.
    public var demoContracts: Int
    public var isProduction: Bool
    public var secureCookies: Bool
    public var workerPollInterval: Double
    /// PostgreSQL connections each event loop keeps (the pool of one instance is this × CPU cores).
    public var databasePoolPerEventLoop: Int
    /// When set, /metrics answers only requests with `Authorization: Bearer <token>`.
    public var metricsToken: String?
    /// The key that encrypts stored secrets (`KABINET_SECRET_KEY`, 32 bytes in base64); nil means the key file
    /// in the data folder. See Access/SecretBox.swift.
    public var secretKey: Data?
    /// The payment provider (sandbox or YooKassa) and its credentials; see Payments/PaymentSettings.swift.
    public var payments: PaymentSettings

    /// The development mailbox shows every message in the browser; never in production.
    public var developmentMailboxEnabled: Bool { !isProduction && mailTransport == .development }
    public var usesPostgres: Bool { databaseURL != nil }
}

extension Settings {
    public struct Invalid: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String {
            "Kabinet cannot start, the configuration is wrong:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    /// Reads the settings from `variables`; `environment` decides the production defaults.
    public static func load(environment: Environment, variables: [String: String] = ProcessInfo.processInfo.environment)
        throws -> Settings
    {
        var reader = EnvironmentReader(variables: variables)
        let isProduction = environment == .production || reader.string("KABINET_ENV") == "production"
        let databaseURL = reader.string("DATABASE_URL")
        let baseURL = reader.string("KABINET_BASE_URL") ?? "http://127.0.0.1:8080"
        let defaultTransport: MailTransport = isProduction ? .smtp : .development
        let mailTransport = reader.choice("KABINET_MAIL_TRANSPORT", default: defaultTransport)
        let smtp = reader.smtpSettings(required: mailTransport == .smtp)
        let settings = Settings(
            dataDirectory: reader.string("KABINET_DATA_DIR") ?? "./data",
            databaseURL: databaseURL,
            baseURL: baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL,
            companyName: reader.string("KABINET_COMPANY_NAME") ?? "Кабинет партнёра",
            mailTransport: mailTransport,
            mailFrom: reader.string("KABINET_MAIL_FROM") ?? "noreply@kabinet.local",
            smtp: smtp,
            smsGatewayURL: reader.string("SMS_GATEWAY_URL"),
            smsGatewayLogin: reader.string("SMS_GATEWAY_LOGIN"),
            smsGatewayPassword: reader.string("SMS_GATEWAY_PASSWORD"),
            smsSender: reader.string("SMS_SENDER") ?? "Kabinet",
            runWorkers: reader.bool("KABINET_WORKERS", default: true),
            loadDemoData: reader.bool("KABINET_DEMO", default: !isProduction),
            demoContracts: reader.int("KABINET_DEMO_CONTRACTS", default: 300),
            isProduction: isProduction,
            secureCookies: reader.bool("KABINET_SECURE_COOKIES", default: baseURL.hasPrefix("https://")),
            workerPollInterval: reader.double("KABINET_WORKER_POLL_SECONDS", default: 1.0),
            databasePoolPerEventLoop: max(1, reader.int("KABINET_DB_POOL_PER_LOOP", default: 4)),
            metricsToken: reader.string("KABINET_METRICS_TOKEN"),
            secretKey: reader.string("KABINET_SECRET_KEY").flatMap(InstallationKey.decode),
            payments: PaymentSettings.load(from: &reader, isProduction: isProduction)
        )
        if settings.demoContracts < 0 {
            reader.problems.append("KABINET_DEMO_CONTRACTS must be 0 or more, got \(settings.demoContracts)")
        }
        if reader.string("KABINET_SECRET_KEY") != nil, settings.secretKey == nil {
            reader.problems.append("KABINET_SECRET_KEY must be \(InstallationKey.byteCount) random bytes in base64 (openssl rand -base64 32)")
        }
        if isProduction, databaseURL != nil, settings.secretKey == nil {
            reader.problems.append("KABINET_SECRET_KEY is required in production with DATABASE_URL: every instance must encrypt stored secrets with the same key")
        }
        if mailTransport == .smtp, settings.smsGatewayURL == nil, isProduction {
            reader.problems.append("SMS_GATEWAY_URL is required in production (SMS codes are sent through it)")
        }
        if !reader.problems.isEmpty { throw Invalid(problems: reader.problems) }
        return settings
    }
}

/// Collects typed values and every problem found on the way.
struct EnvironmentReader {
    let variables: [String: String]
    var problems: [String] = []

    func string(_ name: String) -> String? {
        guard let value = variables[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    mutating func bool(_ name: String, default fallback: Bool) -> Bool {
        guard let raw = string(name)?.lowercased() else { return fallback }
        switch raw {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default:
            problems.append("\(name) must be true or false, got '\(raw)'")
            return fallback
        }
    }

    mutating func int(_ name: String, default fallback: Int) -> Int {
        guard let raw = string(name) else { return fallback }
        guard let value = Int(raw) else {
            problems.append("\(name) must be a whole number, got '\(raw)'")
            return fallback
        }
        return value
    }

    mutating func double(_ name: String, default fallback: Double) -> Double {
        guard let raw = string(name) else { return fallback }
        guard let value = Double(raw), value > 0 else {
            problems.append("\(name) must be a positive number, got '\(raw)'")
            return fallback
        }
        return value
    }

    mutating func choice<T: RawRepresentable>(_ name: String, default fallback: T) -> T where T.RawValue == String {
        guard let raw = string(name) else { return fallback }
        guard let value = T(rawValue: raw) else {
            problems.append("\(name) has an unknown value '\(raw)'")
            return fallback
        }
        return value
    }

    mutating func smtpSettings(required: Bool) -> SMTPSettings? {
        guard let host = string("SMTP_HOST") else {
            if required { problems.append("SMTP_HOST is required when e-mail goes through SMTP") }
            return nil
        }
        let security: SMTPSettings.Security = choice("SMTP_SECURITY", default: .startTLS)
        let port = int("SMTP_PORT", default: security == .tls ? 465 : 587)
        return SMTPSettings(
            host: host, port: port, security: security,
            username: string("SMTP_USERNAME"), password: string("SMTP_PASSWORD"),
            verifyCertificates: bool("SMTP_VERIFY_CERTIFICATES", default: true))
    }
}
