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
    func count(_ filter: ContractListFilter, scope: RecordVisibility) async throws -> Int {
        guard !filter.needsRows else { return try await countRows(filter, scope: scope) }
        let split = ContractBuckets(from: filter.issuedFrom, before: filter.issuedBefore)
        var total = 0
        if let whole = split.whole {
            total += try await sumCounters(filter, scope: scope, buckets: whole)
        }
        for edge in split.edges {
            var part = filter
            part.issuedFrom = edge.lowerBound
            part.issuedBefore = edge.upperBound
            total += try await countRows(part, scope: scope, index: Self.coveringIndex(scope, filter))
        }
        return total
    }

    /// `COUNT(*)` over the contracts themselves; `index` names the index to count in (SQLite only).
    func countRows(_ filter: ContractListFilter, scope: RecordVisibility, index: String? = nil) async throws -> Int {
        let count = SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("n"))
        let select = filtered(sql.select().column(count), filter, scope: scope, index: index)
        return try await select.first(decoding: Total.self)?.n ?? 0
    }

    /// The sum of the counters of the whole buckets `buckets` (all of them when the bounds are nil).
    func sumCounters(_ filter: ContractListFilter, scope: RecordVisibility, buckets: ContractBuckets.Whole) async throws -> Int {
        var select = sql.select().column(SQLRaw("CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n")).from(CreateContractListCounts.table)
        for term in predicates(filter, scope: scope, counters: true) { select = select.where(term) }
        if let lower = buckets.lower { select = select.where("bucket", .greaterThanOrEqual, SQLBind(lower)) }
        if let upper = buckets.upper { select = select.where("bucket", .lessThan, SQLBind(upper)) }
        return try await select.first(decoding: Total.self)?.n ?? 0
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
