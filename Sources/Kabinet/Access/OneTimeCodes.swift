import Fluent
import Foundation
import SQLKit

/// Short codes sent by SMS (the signature's code, the client's phone confirmation): only a salted SHA-256 is stored,
/// a wrong entry is counted and a code is used up each in one statement, so parallel requests cannot exceed the
/// limits of `SigningRules` or use one code twice.
enum OneTimeCodes {
    /// What to store for a new code.
    static func hashed(_ code: String) -> (hash: String, salt: String) {
        let salt = SecretToken.generate()
        return (SecretToken.hash(salt + code), salt)
    }

    static func matches(_ code: String, hash: String, salt: String) -> Bool {
        SecretToken.constantTimeEquals(SecretToken.hash(salt + code), hash)
    }

    /// `table` has `wrong_attempts` and `used_at` columns.
    static func countWrongEntry(in table: String, id: UUID, on db: any Database) async throws {
        try await (db as! any SQLDatabase).raw("""
            UPDATE \(ident: table) SET wrong_attempts = wrong_attempts + 1 WHERE id = \(bind: id)
            """).run()
    }

    /// Marks the code used; false when a parallel request used it first.
    static func use(in table: String, id: UUID, at now: Date, on db: any Database) async throws -> Bool {
        let rows = try await (db as! any SQLDatabase).raw("""
            UPDATE \(ident: table) SET used_at = \(bind: now) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }
}
