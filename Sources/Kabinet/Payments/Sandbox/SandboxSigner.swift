import Foundation

/// Signs and checks the sandbox's notifications: HMAC-SHA256 of the exact body with the shared secret, sent
/// as `X-Sandbox-Signature: sha256=<hex>`. The sandbox page and an external tool sign the same way, and both
/// go through the same check.
struct SandboxSigner: Sendable {
    static let header = "X-Sandbox-Signature"
    let secret: String

    func signature(of body: String) -> String {
        BodySignature(secret: secret).signature(of: body)
    }

    func isValid(_ signature: String?, for body: String) -> Bool {
        BodySignature(secret: secret).isValid(signature, for: body)
    }
}

/// The body of a sandbox notification.
struct SandboxNotificationBody: Codable, Sendable {
    var paymentID: String
    /// `Payment.Status` raw value.
    var status: String
    var amountMinor: Int64
    var currency: String
    var at: Date

    enum CodingKeys: String, CodingKey {
        case paymentID = "payment_id", status, amountMinor = "amount_minor", currency, at
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    static func decode(_ body: String) throws -> SandboxNotificationBody {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(Self.self, from: Data(body.utf8))
    }
}
