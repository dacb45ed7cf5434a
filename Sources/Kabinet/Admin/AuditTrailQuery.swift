import Fluent
import Foundation
import SQLKit
import Vapor

/// The audit page's filter and its query. Each filter lands on an index of `audit_entries`: the actor on
/// (actor_id, at), the record on (entity_type, entity_id), the period and the newest-first order on (at).
struct AuditTrailQuery {
    struct Filter: Content {
        var actor: String?
        var action: String?
        var entity: String?
        var entityID: String?
        var from: String?
        var to: String?
        var page: Int?
    }

    struct Row: Decodable, Sendable, KeysetIdentified {
        var id: UUID
        var at: Date
        var actor_login: String
        var action: String
        var entity_type: String
        var entity_id: String?
        var summary: String
        var before: String?
        var after: String?
        var ip: String?
    }

    let sql: any SQLDatabase
    let filter: Filter
    /// The actor's user id when the typed login belongs to a user; otherwise the login is matched as recorded
    /// (entries by "system", "anonymous" or a deleted user).
    let actorID: UUID?

    static func make(_ filter: Filter, on db: any Database) async throws -> AuditTrailQuery {
        let login = User.normalize(login: filter.actor ?? "")
        let actorID = login.isEmpty ? nil : try await User.query(on: db).filter(\.$login == login).first()?.id
        return AuditTrailQuery(sql: try AdminListQuery.sql(db), filter: filter, actorID: actorID)
    }

    func rows(_ paging: Paging) async throws -> [Row] {
        try await entries()
            .orderBy("at", .descending).orderBy("id", .descending)
            .limit(paging.size).offset(paging.offset)
            .all(decoding: Row.self)
    }

    /// Every entry of the filter in the page's order, chunk by chunk, for the export: a keyset walk on `(at, id)`,
    /// so a long trail is never read through deep offsets nor held in memory.
    func forEachChunk(size: Int = 1_000, _ body: ([Row]) async throws -> Void) async throws {
        try await KeysetWalk<Row>(column: "at", descending: true, size: size).forEachChunk(entries, body)
    }

    private func entries() -> SQLSelectBuilder {
        apply(sql.select()
            .columns("id", "at", "actor_login", "action", "entity_type", "entity_id", "summary", "before", "after", "ip")
            .from(AuditEntry.schema))
    }

    func count() async throws -> (total: Int, capped: Bool) {
        try await AdminListQuery.cappedCount(sql, table: AuditEntry.schema, apply)
    }

    func apply(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        var select = select
        if let actorID {
            select = select.where("actor_id", .equal, SQLBind(actorID))
        } else if let login = filter.actor?.trimmed, !login.isEmpty {
            select = select.where("actor_login", .equal, SQLBind(User.normalize(login: login)))
        }
        if let action = filter.action?.trimmed, !action.isEmpty {
            select = select.where("action", .equal, SQLBind(action))
        }
        if let entity = filter.entity?.trimmed, !entity.isEmpty {
            select = select.where("entity_type", .equal, SQLBind(entity))
        }
        if let entityID = filter.entityID?.trimmed, !entityID.isEmpty {
            select = select.where("entity_id", .equal, SQLBind(entityID))
        }
        if let from = MoscowTime.parseDay(filter.from) {
            select = select.where("at", .greaterThanOrEqual, SQLBind(from))
        }
        if let to = MoscowTime.parseDay(filter.to) {
            select = select.where("at", .lessThan, SQLBind(to.addingTimeInterval(86_400)))
        }
        return select
    }
}
