import Fluent
import Foundation
import SQLKit
import Vapor

/// The audit trail: who changed what and when, newest first, with filters and each entry's values before and
/// after, and «Выгрузить в CSV» of everything the filters find. Read-only; administrators only.
struct AuditAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "audit", use: list)
        routes.get("admin", "audit", "export.csv", use: export)
    }

    struct Row: Encodable {
        var at: String
        var actor: String
        var action: String
        var entity: String
        var entityType: String
        var entityID: String?
        var shortID: String?
        var historyLink: String?
        var summary: String
        var ip: String
        var before: String?
        var after: String?
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var filter: AuditTrailQuery.Filter
        var actions: [SelectOption]
        var entities: [SelectOption]
        var paging: Paging.Links
        var capped: Bool
        var exportLink: String?
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let filter = try req.query.decode(AuditTrailQuery.Filter.self)
        let paging = Paging(page: filter.page)
        let query = try await AuditTrailQuery.make(filter, on: req.db)
        let (total, capped) = try await query.count()
        let rows = try await query.rows(paging)
        let sql = try AdminListQuery.sql(req.db)
        let actions = try await AdminListQuery.recentDistinct(sql, table: AuditEntry.schema, column: "action", newestBy: "at")
        let entities = try await AdminListQuery.recentDistinct(sql, table: AuditEntry.schema, column: "entity_type", newestBy: "at")
        return try await req.page("admin/audit", title: "admin.audit", ListContent(
            rows: rows.map { row(from: $0, req) },
            filter: filter,
            actions: options(actions, selected: filter.action) { $0 },
            entities: options(entities, selected: filter.entity) { entityName($0, req) },
            paging: paging.links(total: total, request: req), capped: capped,
            exportLink: total > 0 ? req.exportLink("/admin/audit/export.csv") : nil))
    }

    /// Every entry the filters find (not only the first 10 000 the page counts), with the values before and after
    /// as stored. The export itself is an entry of the trail.
    func export(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let filter = try req.query.decode(AuditTrailQuery.Filter.self)
        let query = try await AuditTrailQuery.make(filter, on: req.db)
        try await req.audit.record("audit.exported", entity: "audit_entry", id: nil, summary: "Выгрузка журнала изменений в CSV",
                                   after: filter)
        let titles = ["admin.audit.time", "admin.audit.who", "admin.audit.action", "admin.audit.object", "admin.audit.entity_id",
                      "admin.audit.summary", "admin.audit.ip", "admin.audit.before", "admin.audit.after"].map { req.t($0) }
        return CSVDownload.response(name: "audit", titles: titles) { emit in
            let formatter = Self.timeFormatter()
            try await query.forEachChunk { entries in
                try await emit(entries.map { entry in
                    [formatter.string(from: entry.at), entry.actor_login, entry.action, entityName(entry.entity_type, req), entry.entity_id ?? "",
                     entry.summary, entry.ip ?? "", entry.before ?? "", entry.after ?? ""]
                })
            }
        }
    }

    private func row(from entry: AuditTrailQuery.Row, _ req: Request) -> Row {
        var history: String?
        if let id = entry.entity_id {
            var components = URLComponents()
            components.path = "/admin/audit"
            components.queryItems = [URLQueryItem(name: "entity", value: entry.entity_type), URLQueryItem(name: "entityID", value: id)]
            history = components.string
        }
        return Row(
            at: Self.time(entry.at), actor: entry.actor_login, action: entry.action,
            entity: entityName(entry.entity_type, req), entityType: entry.entity_type, entityID: entry.entity_id,
            shortID: entry.entity_id.map { $0.count > 13 ? String($0.prefix(8)) + "…" : $0 },
            historyLink: history, summary: entry.summary, ip: entry.ip ?? "—",
            before: entry.before.map(Self.pretty), after: entry.after.map(Self.pretty))
    }

    /// The dropdown's choices; a value typed into the URL but not among the recent ones stays selectable.
    private func options(_ values: [String], selected: String?, label: (String) -> String) -> [SelectOption] {
        var values = values
        if let selected, !selected.isEmpty, !values.contains(selected) { values.insert(selected, at: 0) }
        return values.map { SelectOption(value: $0, label: label($0), selected: $0 == selected) }
    }

    /// A readable name for a record type, or the type itself when the table has none.
    private func entityName(_ type: String, _ req: Request) -> String {
        let key = "audit.entity.\(type)"
        let text = req.t(key)
        return text == key ? type : text
    }

    /// Audit times keep the seconds: several changes often happen within one minute.
    static func time(_ date: Date) -> String {
        timeFormatter().string(from: date)
    }

    static func timeFormatter() -> DateFormatter {
        MoscowTime.formatter("dd.MM.yyyy HH:mm:ss")
    }

    /// Snapshots are stored compact; people read them indented, keys sorted.
    static func pretty(_ json: String) -> String {
        guard let data = json.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let pretty = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return json }
        return String(decoding: pretty, as: UTF8.self)
    }
}
