import Foundation
import KabinetDomain
import SQLKit

/// The whole filtered list in chunks, for «Выгрузить в CSV» and anything else that walks all of it.
///
/// Each chunk continues after the last row of the previous one (keyset: the row's sort key is compared with the
/// next rows'), so every chunk is an index range of the same cost however deep into a million rows it is, and
/// nothing but one chunk is ever held in memory. Deep OFFSETs would cost more with every chunk.
extension ContractQueries {
    static let exportChunk = 2_000

    /// Calls `body` with consecutive chunks of the list in the chosen order until it is exhausted.
    func forEachChunk(_ filter: ContractListFilter, scope: RecordVisibility, sort: ContractListSort,
        size: Int = ContractQueries.exportChunk, _ body: ([ContractListRow]) async throws -> Void) async throws
    {
        if sort.column == .operator {
            for owner in try await ownersByName(filter, scope: scope, descending: sort.descending) {
                var own = filter
                own.ownerID = owner
                try await walk(own, scope: scope, sort: ContractListSort(column: .issued, descending: sort.descending),
                    size: size, walking: .issued, body)
            }
            return
        }
        let walking = Self.walk(sort, total: try await count(filter, scope: scope))
        try await walk(filter, scope: scope, sort: sort, size: size, walking: walking, body)
        if sort.column == .number {
            try await walk(filter, scope: scope, sort: ContractListSort(column: .issued, descending: sort.descending),
                size: size, extra: [SQLRaw("number IS NULL")], body)
        }
    }

    private func walk(_ filter: ContractListFilter, scope: RecordVisibility, sort: ContractListSort, size: Int,
        extra: [any SQLExpression] = [], walking: ContractSortColumn? = nil,
        _ body: ([ContractListRow]) async throws -> Void) async throws
    {
        var extra = extra
        if sort.column == .number { extra.append(SQLRaw("number IS NOT NULL")) }
        var last: KeyedRow<ContractListRow>?
        repeat {
            var select = filtered(sql.select().columns(ContractListRow.columns), filter, scope: scope, walking: walking)
                .column(SQLAlias(SQLColumn("issued_at"), as: SQLIdentifier(KeyedRow<ContractListRow>.keyColumn)))
            for term in extra { select = select.where(term) }
            if let last { select = after(last, select, sort) }
            let rows = try await ordered(select, sort).limit(size).all(decoding: KeyedRow<ContractListRow>.self)
            if !rows.isEmpty { try await body(rows.map(\.row)) }
            last = rows.count == size ? rows.last : nil
        } while last != nil
    }

    /// Rows strictly after `row` in the sort order: the row value comparison is exact, the plain bound on the
    /// leading key lets the index start at the right place (a row comparison alone is not an index range everywhere).
    private func after(_ row: KeyedRow<ContractListRow>, _ select: SQLSelectBuilder, _ sort: ContractListSort) -> SQLSelectBuilder {
        let terms = orderTerms(sort.column)
        let values = keyValues(row, sort.column)
        let beyond: SQLBinaryOperator = sort.descending ? .lessThan : .greaterThan
        let bound: SQLBinaryOperator = sort.descending ? .lessThanOrEqual : .greaterThanOrEqual
        return select
            .where(SQLBinaryExpression(terms[0], bound, values[0]))
            .where(SQLBinaryExpression(SQLGroupExpression(terms), beyond, SQLGroupExpression(values)))
    }

    private func keyValues(_ keyed: KeyedRow<ContractListRow>, _ column: ContractSortColumn) -> [any SQLExpression] {
        let row = keyed.row
        let tail: [any SQLExpression] = [keyed.key.map { SQLBind($0) } ?? SQLBind(row.issuedAt), SQLBind(row.id)]
        switch column {
        case .issued, .operator: return tail
        case .number: return [SQLBind(row.number ?? ""), SQLBind(row.id)]
        case .policyholder: return [SQLBind(row.policyholderSearch)] + tail
        case .product: return [SQLBind(row.productCode)] + tail
        case .status: return [SQLBind(row.status)] + tail
        case .payment: return [SQLBind(row.paymentStatus)] + tail
        case .work: return [SQLBind(row.workRequired)] + tail
        }
    }

    /// The owners whose contracts the list may hold, by full name (then id), from the counters.
    func ownersByName(_ filter: ContractListFilter, scope: RecordVisibility, descending: Bool) async throws -> [UUID] {
        var select = sql.select().distinct().column("owner_id").from(CreateContractListCounts.table)
            .where("n", .greaterThan, SQLBind(0))
        for term in predicates(filter, scope: scope, counters: true) { select = select.where(term) }
        struct Owner: Decodable { var owner_id: UUID }
        let ids = try await select.all(decoding: Owner.self).map(\.owner_id)
        guard !ids.isEmpty else { return [] }
        struct Named: Decodable { var id: UUID; var full_name: String }
        let names = try await sql.select().columns("id", "full_name").from(User.schema)
            .where("id", .in, SQLGroupExpression(ids.map { SQLBind($0) }))
            .all(decoding: Named.self)
        let sorted = names.sorted { ($0.full_name, $0.id.uuidString) < ($1.full_name, $1.id.uuidString) }.map(\.id)
        return descending ? sorted.reversed() : sorted
    }
}
