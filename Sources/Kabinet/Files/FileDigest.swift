import Crypto
import Foundation

enum FileDigest {
    /// Lower-case hex SHA-256, as the signing protocol prints it.
    static func sha256(_ data: Data) -> String {
        SecretToken.hex(SHA256.hash(data: data))
    }
}
