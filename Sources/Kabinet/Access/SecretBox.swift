import Crypto
import Foundation
import Vapor

/// Encrypts the secrets the server has to read back to use them (a webhook address's signing secret). Passwords and
/// codes are only ever compared, so they are hashed; these cannot be. AES-256-GCM with the installation's key
/// (`KABINET_SECRET_KEY`, or `secret.key` in the data folder): the database alone does not give them away.
struct SecretBox: Sendable {
    /// Marks the format, so a later change of cipher can tell the old values from the new.
    static let prefix = "aesgcm1:"
    let key: SymmetricKey

    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "the secret cannot be read with this installation's key (KABINET_SECRET_KEY changed?)" }
    }

    func seal(_ secret: String) throws -> String {
        guard let combined = try AES.GCM.seal(Data(secret.utf8), using: key).combined else { throw Unreadable() }
        return Self.prefix + combined.base64EncodedString()
    }

    func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix(Self.prefix),
              let data = Data(base64Encoded: String(sealed.dropFirst(Self.prefix.count))),
              let box = try? AES.GCM.SealedBox(combined: data),
              let secret = try? AES.GCM.open(box, using: key)
        else { throw Unreadable() }
        return String(decoding: secret, as: UTF8.self)
    }
}

/// The installation's key: `KABINET_SECRET_KEY` when set (several instances on one PostgreSQL share it), else
/// `secret.key` in the data folder, made on the first start and readable by the server's user only.
enum InstallationKey {
    static let byteCount = 32
    static let fileName = "secret.key"

    struct Malformed: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path) does not hold \(InstallationKey.byteCount) bytes in base64; restore it from the backup" }
    }

    struct Unwritable: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "cannot write the key file \(path): \(String(cString: strerror(code))); set KABINET_SECRET_KEY or fix the folder" }
    }

    static func load(settings: Settings) throws -> SymmetricKey {
        if let configured = settings.secretKey { return SymmetricKey(data: configured) }
        let path = settings.dataDirectory + "/" + fileName
        if !FileManager.default.fileExists(atPath: path) {
            try FileManager.default.createDirectory(atPath: settings.dataDirectory, withIntermediateDirectories: true)
            try create(path)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = decode(text) else { throw Malformed(path: path) }
        return SymmetricKey(data: data)
    }

    /// Writes a new random key, unless the file appeared meanwhile: `serve` and `worker` starting together on an
    /// empty data folder must end up with one key. The key is written whole to a file of its own, then linked to
    /// its name, which fails rather than overwrite: whoever links first wins, the others read the winner's key.
    private static func create(_ path: String) throws {
        let draft = path + ".\(UUID().uuidString)"
        let descriptor = open(draft, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Unwritable(path: draft, code: errno) }
        defer { unlink(draft) }
        let text = Array((SymmetricKey(size: .bits256).withUnsafeBytes { Data($0).base64EncodedString() } + "\n").utf8)
        let written = write(descriptor, text, text.count)
        let writeError = errno
        close(descriptor)
        guard written == text.count else { throw Unwritable(path: draft, code: writeError) }
        if link(draft, path) != 0, errno != EEXIST { throw Unwritable(path: path, code: errno) }
    }

    /// The key's bytes from its base64 text; nil unless exactly 32 bytes.
    static func decode(_ text: String) -> Data? {
        guard let data = Data(base64Encoded: text), data.count == byteCount else { return nil }
        return data
    }
}

extension Application {
    private struct SecretBoxKey: StorageKey { typealias Value = SecretBox }

    var secretBox: SecretBox {
        get {
            guard let value = storage[SecretBoxKey.self] else { fatalError("The secret box is made in configure()") }
            return value
        }
        set { storage[SecretBoxKey.self] = newValue }
    }
}
