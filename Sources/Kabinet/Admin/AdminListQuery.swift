import Fluent
import SQLKit
import Vapor

/// Helpers for the administration lists that can grow without bound (audit trail, outbox, jobs).
enum AdminListQuery {
    /// Counting stops here: past this many rows the page says «более 10 000» and asks for a narrower filter,
    /// so a broad filter never costs a scan of the whole table on every page view.
    static let countCap = 10_000

    static func sql(_ db: any Database) throws -> any SQLDatabase {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "SQL database required") }
        return sql
    }

    /// Counts the rows the filter matches, up to `countCap + 1`. `filter` adds the WHERE clauses.
    static func cappedCount(_ sql: any SQLDatabase, table: String,
        _ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> (total: Int, capped: Bool)
    {
        let inner = filter(sql.select().column(SQLLiteral.numeric("1")).from(table)).limit(countCap + 1)
        struct Row: Decodable { var n: Int }
        let row = try await sql.select()
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(SQLAlias(SQLGroupExpression(inner.select), as: SQLIdentifier("capped")))
            .first(decoding: Row.self)
        let count = row?.n ?? 0
        return (min(count, countCap), count > countCap)
    }

    /// The distinct values of a column among the newest `window` rows, for a filter's dropdown. Reading the newest
    /// rows through the time index keeps the cost fixed however long the table gets; rare old values can still
    /// be typed into the URL.
    static func recentDistinct(_ sql: any SQLDatabase, table: String, column: String, newestBy timeColumn: String,
        window: Int = 5_000) async throws -> [String]
    {
        let recent = sql.select().column(column).from(table).orderBy(timeColumn, .descending).limit(window)
        struct Row: Decodable { var value: String }
        return try await sql.select().distinct()
            .column(SQLAlias(SQLIdentifier(column), as: SQLIdentifier("value")))
            .from(SQLAlias(SQLGroupExpression(recent.select), as: SQLIdentifier("recent")))
            .orderBy(SQLIdentifier("value"))
            .all(decoding: Row.self).map(\.value)
    }

    /// "column contains text", ignoring case; `%` and `_` typed by a person are matched literally, not as wildcards.
    static func contains(_ column: String, _ text: String) -> SQLQueryString {
        let escaped = text.lowercased().replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        return "LOWER(\(ident: column)) LIKE \(bind: "%\(escaped)%") ESCAPE '\\'"
    }
}
