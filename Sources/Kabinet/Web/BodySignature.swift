import Crypto
import Foundation

/// HMAC-SHA256 of an exact request body with a shared secret, written `sha256=<hex>`: how the payment sandbox's
/// notifications and the portal's own webhooks are signed, so a receiver checks both the same way.
struct BodySignature: Sendable {
    let secret: String

    func signature(of body: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "sha256=" + SecretToken.hex(code)
    }

    func isValid(_ signature: String?, for body: String) -> Bool {
        guard let signature else { return false }
        return SecretToken.constantTimeEquals(signature, self.signature(of: body))
    }
}
