import Foundation
import KabinetDomain
import SQLKit

/// «Результатов найдено: N», exact and fast at a million contracts.
///
/// Without a name or number filter the answer is a sum over `contract_list_counts` (one counter per combination of
/// the choice filters and 30-day bucket, kept by triggers): the buckets a period covers whole are summed, and only
/// the partial buckets at its two edges (under 30 days each) are counted in the covering index of the actor's
/// visibility, without reading a row. A name or number filter is selective by nature; those counts go to their
/// own index, which holds the visibility columns too.
extension ContractQueries {
    /// The pieces (the whole buckets' sum, each edge's count) are added in one statement: one round trip to the
    /// database per count, which under a loaded CPU costs more than the counting itself.
    func count(_ filter: ContractListFilter, scope: RecordVisibility) async throws -> Int {
        guard !filter.needsRows else { return try await countRows(filter, scope: scope) }
        let split = ContractBuckets(from: filter.issuedFrom, before: filter.issuedBefore)
        var pieces: [any SQLExpression] = []
        if let whole = split.whole {
            pieces.append(SQLGroupExpression(counterSum(filter, scope: scope, buckets: whole).select))
        }
        for edge in split.edges {
            var part = filter
            part.issuedFrom = edge.lowerBound
            part.issuedBefore = edge.upperBound
            pieces.append(SQLGroupExpression(rowCount(part, scope: scope, index: Self.coveringIndex(scope, filter)).select))
        }
        guard let first = pieces.first else { return 0 }
        let total = pieces.dropFirst().reduce(first) { SQLBinaryExpression($0, .add, $1) as any SQLExpression }
        return try await sql.select().column(SQLAlias(total, as: SQLIdentifier("n"))).first(decoding: Total.self)?.n ?? 0
    }

    /// `COUNT(*)` over the contracts themselves; `index` names the index to count in (SQLite only).
    func countRows(_ filter: ContractListFilter, scope: RecordVisibility, index: String? = nil) async throws -> Int {
        try await rowCount(filter, scope: scope, index: index).first(decoding: Total.self)?.n ?? 0
    }

    private func rowCount(_ filter: ContractListFilter, scope: RecordVisibility, index: String?) -> SQLSelectBuilder {
        let count = SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n"))
        return filtered(sql.select().column(count), filter, scope: scope, index: index)
    }

    /// The sum of the counters of the whole buckets `buckets` (all of them when the bounds are nil).
    private func counterSum(_ filter: ContractListFilter, scope: RecordVisibility, buckets: ContractBuckets.Whole)
        -> SQLSelectBuilder
    {
        var select = sql.select().column(SQLRaw("CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n")).from(CreateContractListCounts.table)
        for term in predicates(filter, scope: scope, counters: true) { select = select.where(term) }
        if let lower = buckets.lower { select = select.where("bucket", .greaterThanOrEqual, SQLBind(lower)) }
        if let upper = buckets.upper { select = select.where("bucket", .lessThan, SQLBind(upper)) }
        return select
    }

    private struct Total: Decodable { var n: Int }
}

/// A period cut along the counters' buckets: the buckets it covers whole, and the partial pieces at its edges
/// (at most two, each shorter than a bucket). Bucket `b` holds the contracts issued in
/// `[b × span, (b + 1) × span)` seconds since 1970, exactly as the triggers file them.
struct ContractBuckets: Equatable {
    struct Whole: Equatable {
        /// First whole bucket (nil: from the beginning) and the bucket after the last one (nil: to the end).
        var lower: Int?
        var upper: Int?
    }

    var whole: Whole?
    var edges: [Range<Date>] = []

    static let span = CreateContractListCounts.bucketSeconds

    init(from: Date?, before: Date?, span: Int = ContractBuckets.span) {
        let lower = from.map { Int(($0.timeIntervalSince1970 / Double(span)).rounded(.up)) }
        let upper = before.map { Int(($0.timeIntervalSince1970 / Double(span)).rounded(.down)) }
        func start(_ bucket: Int) -> Date { Date(timeIntervalSince1970: Double(bucket * span)) }
        if let lower, let upper, lower >= upper {
            if let from, let before, from < before { edges = [from..<before] }
            return
        }
        whole = Whole(lower: lower, upper: upper)
        if let from, let lower, start(lower) > from { edges.append(from..<start(lower)) }
        if let before, let upper, before > start(upper) { edges.append(start(upper)..<before) }
    }
}
