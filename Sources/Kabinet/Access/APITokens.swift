import Fluent
import Foundation
import Vapor

/// Creates, lists, resolves and revokes personal API tokens; the one place that knows what a token looks like.
struct APITokens: Sendable {
    /// Marks the secret as Kabinet's, so secret scanners and people recognise a pasted token.
    static let prefix = "kab_"
    static let maxNameLength = 100
    /// A user needs a handful (one per integration); a cap keeps a runaway script from filling the table.
    static let maxPerUser = 20
    /// Writing `last_used_at` on every call would turn every API read into a write; a minute is precise enough
    /// for «Последнее использование».
    static let touchInterval: TimeInterval = 60

    let database: any Database
    let audit: Audit

    struct Created: Sendable {
        var token: APIToken
        /// The secret itself; it exists only in this value and is shown once.
        var secret: String
    }

    /// A new token for the user, audited; a bad name is a field problem on «name».
    func create(for userID: UUID, name rawName: String) async throws -> Created {
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { throw AppError.validation([FieldProblem(field: "name", key: "tokens.name_required")]) }
        if name.count > Self.maxNameLength {
            throw AppError.validation([FieldProblem(field: "name", key: "tokens.name_too_long", arguments: [String(Self.maxNameLength)])])
        }
        let count = try await APIToken.query(on: database).filter(\.$user.$id == userID).count()
        if count >= Self.maxPerUser {
            throw AppError.validation([FieldProblem(field: "name", key: "tokens.too_many", arguments: [String(Self.maxPerUser)])])
        }
        let secret = Self.prefix + SecretToken.generate()
        let token = APIToken(userID: userID, name: name, tokenHash: SecretToken.hash(secret))
        try await database.transaction { db in
            try await token.create(on: db)
            try await audit.on(db).record("api_token.created", entity: "api_token", id: token.id?.uuidString,
                summary: "Создан токен API «\(name)»", after: ["name": name, "user": userID.uuidString])
        }
        return Created(token: token, secret: secret)
    }

    /// The user's tokens, newest first.
    func list(for userID: UUID) async throws -> [APIToken] {
        try await APIToken.query(on: database).filter(\.$user.$id == userID)
            .sort(\.$createdAt, .descending).sort(\.$id).all()
    }

    /// Revokes one of the user's own tokens; someone else's reads as not found, so ids cannot be probed.
    func revoke(_ id: UUID, of userID: UUID) async throws {
        guard let token = try await APIToken.query(on: database).filter(\.$id == id).filter(\.$user.$id == userID).first()
        else { throw AppError.notFound }
        try await database.transaction { db in
            try await token.delete(on: db)
            try await audit.on(db).record("api_token.revoked", entity: "api_token", id: id.uuidString,
                summary: "Отозван токен API «\(token.name)»", before: ["name": token.name, "user": userID.uuidString])
        }
    }

    /// The active user behind a secret, or nil for an unknown token or a blocked or not yet activated user.
    static func resolve(_ secret: String, on db: any Database, now: Date = Date()) async throws -> User? {
        guard secret.hasPrefix(prefix) else { return nil }
        guard let token = try await APIToken.query(on: db).filter(\.$tokenHash == SecretToken.hash(secret))
            .with(\.$user).first(), token.user.status == .active
        else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > touchInterval }) ?? true {
            token.lastUsedAt = now
            try await token.save(on: db)
        }
        return token.user
    }
}
