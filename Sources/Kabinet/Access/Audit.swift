import Fluent
import Foundation
import Vapor

/// Writes the audit trail. Every module records its changes here with a before/after snapshot.
struct Audit: Sendable {
    let database: any Database
    let actorID: UUID?
    let actorLogin: String
    let ip: String?

    /// Records one event. `before` and `after` are any Encodable snapshots; secrets must not be in them.
    func record(
        _ action: String, entity: String, id: String?, summary: String,
        before: (any Encodable)? = nil, after: (any Encodable)? = nil
    ) async throws {
        let entry = AuditEntry()
        entry.at = Date()
        entry.actorID = actorID
        entry.actorLogin = actorLogin
        entry.action = action
        entry.entityType = entity
        entry.entityID = id
        entry.summary = summary
        entry.before = before.flatMap(Self.json)
        entry.after = after.flatMap(Self.json)
        entry.ip = ip
        try await entry.create(on: database)
    }

    private static func json(_ value: any Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }
}

extension Request {
    /// The audit writer for this request: the logged-in user (or "anonymous") and the client's address.
    var audit: Audit {
        let actor = optionalActor
        return Audit(
            database: db, actorID: actor?.userID, actorLogin: actor?.login ?? "anonymous",
            ip: clientIP)
    }

    /// The client's address as the server saw it. Forwarded headers are not trusted: anyone can send them.
    var clientIP: String? {
        remoteAddress?.ipAddress
    }
}

extension Audit {
    /// For work done outside a request: commands and background jobs.
    static func system(_ database: any Database, login: String = "system") -> Audit {
        Audit(database: database, actorID: nil, actorLogin: login, ip: nil)
    }

    /// The same writer on another database handle, so an entry joins a transaction.
    func on(_ database: any Database) -> Audit {
        Audit(database: database, actorID: actorID, actorLogin: actorLogin, ip: ip)
    }
}
