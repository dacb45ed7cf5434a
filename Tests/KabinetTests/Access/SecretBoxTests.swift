import Crypto
import Foundation
import Testing
import Vapor

@testable import Kabinet

/// Secrets the server must read back (webhook signing secrets) are stored encrypted with the installation's key.
@Suite("Stored secrets: encrypted with the installation's key")
struct SecretBoxTests {
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kabinet-key-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("A sealed secret opens with the same key only; each sealing differs; a damaged or plain value is refused")
    func sealAndOpen() throws {
        let box = SecretBox(key: SymmetricKey(size: .bits256))
        let sealed = try box.seal("s3cret-value")
        #expect(sealed.hasPrefix(SecretBox.prefix) && !sealed.contains("s3cret-value"))
        #expect(try box.open(sealed) == "s3cret-value")
        #expect(try box.seal("s3cret-value") != sealed, "a fresh nonce each time")

        let other = SecretBox(key: SymmetricKey(size: .bits256))
        #expect(throws: SecretBox.Unreadable.self) { try other.open(sealed) }
        // one character inside the ciphertext (the last ones of base64 may only carry padding bits)
        var damaged = Array(sealed)
        let inside = SecretBox.prefix.count + 20
        damaged[inside] = damaged[inside] == "A" ? "B" : "A"
        #expect(throws: SecretBox.Unreadable.self) { try box.open(String(damaged)) }
        #expect(throws: SecretBox.Unreadable.self) { try box.open("s3cret-value") }
    }

    @Test("Without KABINET_SECRET_KEY the first start makes secret.key (owner-only) in the data folder, and later starts use it")
    func keyFile() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let settings = try Settings.load(environment: .testing, variables: ["KABINET_DATA_DIR": folder])
        #expect(settings.secretKey == nil)

        let first = SecretBox(key: try InstallationKey.load(settings: settings))
        let path = folder + "/" + InstallationKey.fileName
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let sealed = try first.seal("webhook secret")
        let second = SecretBox(key: try InstallationKey.load(settings: settings))
        #expect(try second.open(sealed) == "webhook secret")

        try "not a key".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: InstallationKey.Malformed.self) { try InstallationKey.load(settings: settings) }

        // processes starting together on an empty folder end up with one key: the file is never overwritten nor read half-written
        let other = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let otherSettings = try Settings.load(environment: .testing, variables: ["KABINET_DATA_DIR": other])
        let keys = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 {
                group.addTask { try InstallationKey.load(settings: otherSettings).withUnsafeBytes { Data($0) } }
            }
            return try await group.reduce(into: Set<Data>()) { $0.insert($1) }
        }
        #expect(keys.count == 1)
    }

    @Test("KABINET_SECRET_KEY must be 32 bytes in base64; production on PostgreSQL needs it, so every instance shares it")
    func keySetting() throws {
        let key = Data((0..<32).map { UInt8(255 - $0) }).base64EncodedString()
        #expect(try Settings.load(environment: .testing, variables: ["KABINET_SECRET_KEY": key]).secretKey?.count == 32)
        for bad in ["short", Data(repeating: 1, count: 16).base64EncodedString()] {
            #expect(throws: Settings.Invalid.self) { try Settings.load(environment: .testing, variables: ["KABINET_SECRET_KEY": bad]) }
        }
        let production = ["SMTP_HOST": "smtp.example.ru", "SMS_GATEWAY_URL": "https://sms.example.ru/send",
                          "DATABASE_URL": "postgres://kabinet@db.example.ru/kabinet"]
        do {
            _ = try Settings.load(environment: .production, variables: production)
            Issue.record("production on PostgreSQL started without a shared key")
        } catch let error as Settings.Invalid {
            #expect(error.description.contains("KABINET_SECRET_KEY"))
        }
        #expect(try Settings.load(environment: .production, variables: production.merging(["KABINET_SECRET_KEY": key]) { $1 })
            .secretKey != nil)
    }
}
