import Foundation
import KabinetDomain
import SQLKit

/// The SQL of a report: the contract list's visibility rule (`ContractQueries.predicates`, so a report never holds
/// a contract the list would hide), the report's multi-choice filters and its period, walked in keyset chunks.
///
/// The list's own chunk walker (`ContractQueries.forEachChunk`) takes single-choice filters and walks by the date
/// of issue only; a report filters by lists of values and walks by any of four dates, with `KeysetWalk`: each chunk
/// continues after the last `(date, id)`, an index range however deep it is.
struct ReportQueries: Sendable {
    static let chunk = 5_000

    let contracts: ContractQueries
    var sql: any SQLDatabase { contracts.sql }

    init(_ contracts: ContractQueries) {
        self.contracts = contracts
    }

    func predicates(_ filter: ReportFilter, scope: RecordVisibility) -> [any SQLExpression] {
        var terms = contracts.predicates(ContractListFilter(), scope: scope)
        func among(_ column: String, _ values: [some Encodable & Sendable]?) {
            guard let values else { return }
            terms.append(values.isEmpty ? SQLRaw("1 = 0")
                : SQLBinaryExpression(SQLColumn(column), .in, SQLGroupExpression(values.map { SQLBind($0) })))
        }
        among("channel_id", filter.channelIDs)
        among("product_code", filter.productCodes)
        among("office_id", filter.officeIDs)
        among("owner_id", filter.ownerIDs)
        if filter.kind == .payments {
            terms.append(SQLBinaryExpression(SQLColumn("payment_status"), .equal, SQLBind(PaymentStatus.paid.rawValue)))
        }
        let column = SQLColumn(filter.basis.column)
        terms.append(SQLBinaryExpression(column, .greaterThanOrEqual, SQLBind(filter.start)))
        terms.append(SQLBinaryExpression(column, .lessThan, SQLBind(filter.end)))
        return terms
    }

    /// How many contracts the report will hold (for the progress).
    func count(_ filter: ReportFilter, scope: RecordVisibility) async throws -> Int {
        struct Row: Decodable { var n: Int }
        let select = predicates(filter, scope: scope).reduce(
            sql.select().column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n")))
                .from(table(filter))) { $0.where($1) }
        return try await select.first(decoding: Row.self)?.n ?? 0
    }

    /// Calls `body` with consecutive chunks in `(date, id)` order until the report's contracts are exhausted.
    func forEachChunk(_ filter: ReportFilter, scope: RecordVisibility, size: Int = ReportQueries.chunk,
        _ body: ([ReportRow]) async throws -> Void) async throws
    {
        let terms = predicates(filter, scope: scope)
        try await KeysetWalk<ReportRow>(column: filter.basis.column, size: size).forEachChunk({ rows(filter, terms) }, body)
    }

    /// The report's columns from its table (`table`) under `terms` (`predicates`), unordered.
    func rows(_ filter: ReportFilter, _ terms: [any SQLExpression]) -> SQLSelectBuilder {
        terms.reduce(sql.select().columns(ReportRow.columns).from(table(filter))) { $0.where($1) }
    }

    /// On SQLite the walk names the period's index: the planner would otherwise take an owner's or a product's
    /// index and sort all their contracts for every chunk. PostgreSQL keeps statistics and chooses well itself.
    func table(_ filter: ReportFilter) -> any SQLExpression {
        contracts.isPostgres ? SQLIdentifier(Contract.schema) : SQLRaw("contracts INDEXED BY \(filter.basis.index)")
    }
}
