import Fluent
import Foundation
import KabinetDomain
import SQLKit

/// One line of the contract list, read with hand-picked columns (never a Fluent model: a page, an API page and a
/// CSV chunk of a million rows decode plain rows).
struct ContractListRow: Decodable, Sendable {
    var id: UUID
    var number: String?
    var policyholderName: String
    var policyholderSearch: String
    var productCode: String
    var productName: String
    var issuedAt: Date
    var status: String
    var paymentStatus: String
    var ownerID: UUID
    var workRequired: Bool
    var workText: String?

    enum CodingKeys: String, CodingKey {
        case id, number, status
        case policyholderName = "policyholder_name", policyholderSearch = "policyholder_search"
        case productCode = "product_code", productName = "product_name", issuedAt = "issued_at"
        case paymentStatus = "payment_status", ownerID = "owner_id", workRequired = "work_required"
        case workText = "work_text"
    }

    static let columns = ["id", "number", "policyholder_name", "policyholder_search", "product_code", "product_name",
        "issued_at", "status", "payment_status", "owner_id", "work_required", "work_text"]

    var contractStatus: ContractStatus? { ContractStatus(rawValue: status) }
    var payment: PaymentStatus? { PaymentStatus(rawValue: paymentStatus) }
}

/// The SQL of the contract list: the visibility rule, the filters, the sort and the page, for the web page, the
/// API and the export alike. Each filter lands on an index (see `CreateContracts`, `CreateContractListCounts` and
/// docs/BENCHMARKS.md for the plans).
struct ContractQueries: Sendable {
    let sql: any SQLDatabase

    init(_ db: any Database) throws {
        sql = try AdminListQuery.sql(db)
    }

    var isPostgres: Bool { sql.dialect.name == "postgresql" }

    /// Whose contracts a list shows: what the `Authorizer` lets the actor see, or only their own («Только мои»).
    static func scope(of actor: Actor, onlyMine: Bool) -> RecordVisibility {
        onlyMine ? .owners([actor.userID]) : actor.subject.visibility
    }

    /// The normalised name in byte order: PostgreSQL compares it `COLLATE "C"` (and has an index on exactly that),
    /// so the prefix range and the sort mean the same whatever the database's collation; SQLite's BINARY already is.
    var nameColumn: any SQLExpression {
        isPostgres ? SQLRaw("policyholder_search COLLATE \"C\"") : SQLColumn("policyholder_search")
    }

    /// The WHERE terms. `counters` leaves out what the counters table does not have (name, number, period).
    func predicates(_ filter: ContractListFilter, scope: RecordVisibility, counters: Bool = false) -> [any SQLExpression] {
        var terms: [any SQLExpression] = []
        func equal(_ column: String, _ value: some Encodable & Sendable) {
            terms.append(SQLBinaryExpression(SQLColumn(column), .equal, SQLBind(value)))
        }
        switch scope {
        case .everything: break
        case .agency(let agency): equal("agency_id", agency)
        case .owners(let owners) where owners.count == 1: equal("owner_id", owners.first!)
        case .owners(let owners):
            terms.append(SQLBinaryExpression(SQLColumn("owner_id"), .in,
                SQLGroupExpression(owners.sorted { $0.uuidString < $1.uuidString }.map { SQLBind($0) })))
        }
        if let owner = filter.ownerID { equal("owner_id", owner) }
        if let office = filter.officeID { equal("office_id", office) }
        if let paid = filter.paid { equal("payment_status", (paid ? PaymentStatus.paid : .unpaid).rawValue) }
        if let product = filter.productCode { equal("product_code", product) }
        if let status = filter.status { equal("status", status.rawValue) }
        if let work = filter.workRequired { equal("work_required", work) }
        if let erroneous = filter.erroneous {
            terms.append(SQLBinaryExpression(SQLColumn("status"), erroneous ? .equal : .notEqual,
                SQLBind(ContractStatus.erroneous.rawValue)))
        }
        guard !counters else { return terms }
        if let range = filter.nameRange {
            terms.append(SQLBinaryExpression(nameColumn, .greaterThanOrEqual, SQLBind(range.lower)))
            terms.append(SQLBinaryExpression(nameColumn, .lessThan, SQLBind(range.upper)))
        }
        if let digits = filter.numberPrefix {
            terms.append(SQLBinaryExpression(SQLColumn("number"), .greaterThanOrEqual, SQLBind(digits)))
            terms.append(SQLBinaryExpression(SQLColumn("number"), .lessThan, SQLBind(SearchText.successor(of: digits))))
        }
        if let from = filter.issuedFrom {
            terms.append(SQLBinaryExpression(SQLColumn("issued_at"), .greaterThanOrEqual, SQLBind(from)))
        }
        if let before = filter.issuedBefore {
            terms.append(SQLBinaryExpression(SQLColumn("issued_at"), .lessThan, SQLBind(before)))
        }
        return terms
    }

    /// A select over `contracts` with the visibility and the filters applied. `walking` names a sort column whose
    /// index should drive the query (see `source`).
    func filtered(_ select: SQLSelectBuilder, _ filter: ContractListFilter, scope: RecordVisibility,
        walking sort: ContractSortColumn? = nil, index: String? = nil) -> SQLSelectBuilder
    {
        let table: any SQLExpression = index.map { name -> any SQLExpression in
            isPostgres ? SQLIdentifier(Contract.schema) : SQLRaw("contracts INDEXED BY \(name)")
        } ?? source(for: filter, scope: scope, walking: sort)
        return predicates(filter, scope: scope).reduce(select.from(table)) { $0.where($1) }
    }

    /// The covering index of a visibility: the choice filters and the date of issue of each contract it may see.
    static func coveringIndex(_ scope: RecordVisibility) -> String {
        switch scope {
        case .everything: "contracts_list_all"
        case .agency: "contracts_list_agency"
        case .owners: "contracts_list_owner"
        }
    }

    /// The covering index for a list: the owner's when «Оператор» names one owner for someone who sees everything
    /// (a busy agent's contracts are a short range there, not a scan of everybody's dates), else the visibility's.
    /// Within an agency the agency's index stays: it holds the owner too, the owner's index lacks the agency.
    static func coveringIndex(_ scope: RecordVisibility, _ filter: ContractListFilter) -> String {
        if case .everything = scope, filter.ownerID != nil { return "contracts_list_owner" }
        return coveringIndex(scope)
    }

    /// Whether a page in date order should walk the covering index on SQLite: when an owner or agency and a choice
    /// filter, or two choice filters, meet, the planner takes one `(column, issued_at)` index and reads a table row
    /// for every entry to check the others (tens of ms for a rare combination); the covering index checks them all
    /// in the index and reads only the page's rows. One term alone is served best by its own index. An IN list of
    /// owners is no range of the owner's index, so it is left to the planner.
    static func walksCoveringIndex(_ filter: ContractListFilter, scope: RecordVisibility) -> Bool {
        let choices: [Any?] = [filter.officeID, filter.paid, filter.productCode, filter.status, filter.workRequired,
            filter.erroneous]
        var terms = choices.filter { $0 != nil }.count + (filter.ownerID == nil ? 0 : 1)
        switch scope {
        case .everything: break
        case .agency: terms += 1
        case .owners(let owners) where owners.count == 1: terms += 1
        case .owners: if filter.ownerID == nil { return false }
        }
        return terms >= 2
    }

    /// Past this many matching contracts a page sorted by another column than the date walks that column's index
    /// and stops after the page, instead of sorting every match (at 5 000 matches a sort still costs a few ms, and
    /// the matches are dense enough that the walk finds a page quickly).
    static let sortWalkThreshold = 5_000

    /// The indexes whose order is each sort column's order.
    static let sortIndexes: [ContractSortColumn: String] = [
        .number: "contracts_list_number", .policyholder: "contracts_list_name", .product: "contracts_product_issued",
        .status: "contracts_status_issued", .payment: "contracts_payment_issued", .work: "contracts_work_issued",
    ]

    /// The table, naming the index on SQLite where its planner, without fresh statistics, guesses wrong: it prefers
    /// an equality on the owner (hundreds of thousands of rows for a busy agent) to a number or name range (a
    /// handful), and it sorts every match of a large set rather than walk the sort column's index. PostgreSQL keeps
    /// statistics itself (autovacuum) and needs no hint.
    private func source(for filter: ContractListFilter, scope: RecordVisibility, walking sort: ContractSortColumn?)
        -> any SQLExpression
    {
        guard !isPostgres else { return SQLIdentifier(Contract.schema) }
        if filter.numberPrefix != nil { return SQLRaw("contracts INDEXED BY contracts_list_number") }
        if filter.nameRange != nil { return SQLRaw("contracts INDEXED BY contracts_list_name") }
        if let sort, let index = Self.sortIndexes[sort] { return SQLRaw("contracts INDEXED BY \(index)") }
        if sort == .issued, Self.walksCoveringIndex(filter, scope: scope) {
            return SQLRaw("contracts INDEXED BY \(Self.coveringIndex(scope, filter))")
        }
        return SQLIdentifier(Contract.schema)
    }

    /// The sort column to walk for a list of `total` matches, if any. Date order is always walked: its indexes are
    /// the date's order whatever the count (see `walksCoveringIndex`).
    static func walk(_ sort: ContractListSort, total: Int) -> ContractSortColumn? {
        sort.column == .issued || total > sortWalkThreshold ? sort.column : nil
    }

    /// One page, in the chosen order, of a list of `total` matches.
    func page(_ filter: ContractListFilter, scope: RecordVisibility, sort: ContractListSort, paging: Paging,
        total: Int) async throws -> [ContractListRow]
    {
        if sort.column == .operator { return try await pageByOwner(filter, scope: scope, sort: sort, paging: paging) }
        return try await rows(filter, scope: scope, sort: sort, limit: paging.size, offset: paging.offset,
            walking: Self.walk(sort, total: total))
    }

    private func rows(_ filter: ContractListFilter, scope: RecordVisibility, sort: ContractListSort, limit: Int,
        offset: Int, walking: ContractSortColumn? = nil) async throws -> [ContractListRow]
    {
        guard filter.nameRange != nil else {
            let select = filtered(sql.select().columns(ContractListRow.columns), filter, scope: scope, walking: walking)
            return try await ordered(select, sort).limit(limit).offset(offset).all(decoding: ContractListRow.self)
        }
        // A name matches thousands of contracts (every «Семёнова»): sort their ids inside the name index, which
        // holds the date and the id, and read only the page's rows from the table.
        let ids = ordered(filtered(sql.select().column("id"), filter, scope: scope), sort).limit(limit).offset(offset)
        let select = sql.select().columns(ContractListRow.columns).from(Contract.schema)
            .where("id", .in, SQLGroupExpression(ids.select))
        return try await ordered(select, sort).all(decoding: ContractListRow.self)
    }

    /// «Оператор» order without sorting a million rows by a joined name: owners are taken by name, whole owners
    /// before the page are skipped by their (counter-fast) count, and the page is read owner by owner through the
    /// owner's index in date order.
    private func pageByOwner(_ filter: ContractListFilter, scope: RecordVisibility, sort: ContractListSort,
        paging: Paging) async throws -> [ContractListRow]
    {
        var skip = paging.offset
        var result: [ContractListRow] = []
        let byDate = ContractListSort(column: .issued, descending: sort.descending)
        for owner in try await ownersByName(filter, scope: scope, descending: sort.descending) {
            var own = filter
            own.ownerID = owner
            if skip > 0 {
                let count = try await count(own, scope: scope)
                if count <= skip {
                    skip -= count
                    continue
                }
            }
            result += try await rows(own, scope: scope, sort: byDate, limit: paging.size - result.count, offset: skip,
                walking: .issued)
            skip = 0
            if result.count == paging.size { break }
        }
        return result
    }

    /// The sort key of each column, then the date of issue and the id, all in one direction: the date keeps equal
    /// values in a useful order, the id makes the order total (stable pages, resumable export). Each leading key
    /// has an index that ends with `issued_at`, so a sorted page stops after its rows.
    func orderTerms(_ column: ContractSortColumn) -> [any SQLExpression] {
        let tail: [any SQLExpression] = [SQLColumn("issued_at"), SQLColumn("id")]
        switch column {
        case .issued: return tail
        case .number: return [SQLColumn("number"), SQLColumn("id")]
        case .policyholder: return [nameColumn] + tail
        case .product: return [SQLColumn("product_code")] + tail
        case .status: return [SQLColumn("status")] + tail
        case .payment: return [SQLColumn("payment_status")] + tail
        case .work: return [SQLColumn("work_required")] + tail
        case .operator: return tail  // within one owner; owners are taken by name (`pageByOwner`)
        }
    }

    func ordered(_ select: SQLSelectBuilder, _ sort: ContractListSort) -> SQLSelectBuilder {
        let direction: SQLDirection = sort.descending ? .descending : .ascending
        return orderTerms(sort.column).reduce(select) { $0.orderBy($1, direction) }
    }
}
