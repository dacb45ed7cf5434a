import Foundation
import SQLKit

/// Walks a query in chunks ordered by `(date column, id)`: each chunk continues after the last row of the previous
/// one, an index range of the same cost however deep it is (deep OFFSETs cost more with every chunk), and only one
/// chunk is ever in memory. The date is bound back exactly as stored (`StoredInstant`). Reports and the audit
/// trail's export walk this way; the contract list, which also walks by other columns, has its own walker.
struct KeysetWalk<Row: Decodable & Sendable & KeysetIdentified> {
    var column: String
    var descending = false
    var size: Int

    /// `select` makes the filtered query with the row's columns (called once per chunk, unordered, no limit).
    func forEachChunk(_ select: () -> SQLSelectBuilder, _ body: ([Row]) async throws -> Void) async throws {
        let column = SQLColumn(self.column)
        let direction: SQLDirection = descending ? .descending : .ascending
        var last: (date: StoredInstant, id: UUID)?
        repeat {
            var query = select().column(SQLAlias(column, as: SQLIdentifier(KeyedRow<Row>.keyColumn)))
            if let last {
                query = query
                    .where(SQLBinaryExpression(column, descending ? .lessThanOrEqual : .greaterThanOrEqual, SQLBind(last.date)))
                    .where(SQLBinaryExpression(SQLGroupExpression([column, SQLColumn("id")]), descending ? .lessThan : .greaterThan,
                        SQLGroupExpression([SQLBind(last.date), SQLBind(last.id)])))
            }
            let rows = try await query.orderBy(column, direction).orderBy(SQLColumn("id"), direction).limit(size)
                .all(decoding: KeyedRow<Row>.self)
            if !rows.isEmpty { try await body(rows.map(\.row)) }
            last = rows.count == size ? rows.last.flatMap { keyed in keyed.key.map { ($0, keyed.row.id) } } : nil
        } while last != nil
    }
}

/// A row a `KeysetWalk` can continue after: its `id` column.
protocol KeysetIdentified {
    var id: UUID { get }
}
