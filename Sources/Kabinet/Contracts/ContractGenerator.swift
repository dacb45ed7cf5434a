import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// `kabinet demo --contracts N`: fills the database with N realistic contracts of the demo agents, fast enough for
/// a million (multi-row INSERTs through SQLKit, 10 000 rows per transaction), for trying the list and for the
/// benchmark. Numbers come from their own space, 77xxxxxxxx, apart from any БСО range.
struct ContractGenerator {
    static let numberPrefix = "77"
    static let rowsPerTransaction = 10_000

    let app: Application
    var seed: UInt64 = 20_261_123
    /// Contracts are issued over this many days before `now`.
    var days = 3 * 365
    var now = Date()

    /// Generates `count` contracts and returns how many were written. `progress` hears the running total.
    @discardableResult
    func generate(_ count: Int, progress: @Sendable (Int) -> Void = { _ in }) async throws -> Int {
        guard count > 0 else { return 0 }
        let sql = try AdminListQuery.sql(app.db)
        let sellers = try await GeneratedSellers.load(on: app.db)
        let catalog = try await ProductCatalogStore.catalog(app)
        let products = catalog.products(on: CalendarDate(now, timeZone: MoscowTime.zone))
        guard !products.isEmpty else { throw "The product catalog is empty; run `kabinet demo` first." }
        var next = try await firstFreeNumber(sql)
        guard next + count <= 100_000_000 else { throw "The 77xxxxxxxx number space is full." }
        var factory = GeneratedContractFactory(
            sellers: sellers, products: products, random: SplitMix64(seed: seed &+ UInt64(next)), days: days, now: now,
            total: count)
        let perStatement = sql.dialect.name == "postgresql" ? 2_000 : 8_000
        var written = 0
        while written < count {
            let batch = min(Self.rowsPerTransaction, count - written)
            var built: [[any SQLExpression]] = []
            built.reserveCapacity(batch)
            for _ in 0..<batch {
                built.append(try factory.row(number: Self.numberPrefix + String(format: "%08d", next)))
                next += 1
            }
            let rows = built
            try await app.db.transaction { db in
                guard let sql = db as? any SQLDatabase else { return }
                if sql.dialect.name != "postgresql" {
                    // A bulk load touches every index page: keep them in memory (1 GB cache, memory-mapped reads).
                    try await sql.raw("PRAGMA cache_size = -1048576").run()
                    try await sql.raw("PRAGMA mmap_size = 4294967296").run()
                }
                for start in stride(from: 0, to: rows.count, by: perStatement) {
                    var insert = sql.insert(into: Contract.schema).columns(GeneratedContractFactory.columns)
                    for row in rows[start..<min(start + perStatement, rows.count)] { insert = insert.values(row) }
                    try await insert.run()
                }
            }
            written += batch
            progress(written)
        }
        try await refreshStatistics(sql)
        return written
    }

    /// After the first generated number already used, so a second run adds to the first.
    private func firstFreeNumber(_ sql: any SQLDatabase) async throws -> Int {
        struct Row: Decodable { var number: String? }
        let row = try await sql.select().column(SQLAlias(SQLFunction("MAX", args: SQLColumn("number")), as: SQLIdentifier("number")))
            .from(Contract.schema)
            .where("number", .greaterThanOrEqual, SQLBind(Self.numberPrefix + "00000000"))
            .where("number", .lessThan, SQLBind(SearchText.successor(of: Self.numberPrefix)))
            .first(decoding: Row.self)
        return (row?.number.flatMap { Int($0.dropFirst(Self.numberPrefix.count)) }).map { $0 + 1 } ?? 1
    }

    /// The planners choose indexes by table statistics; after a bulk load they would still think the table empty.
    private func refreshStatistics(_ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "postgresql" {
            try await sql.raw("VACUUM (ANALYZE) contracts").run()
            try await sql.raw("ANALYZE contract_list_counts").run()
        } else {
            try await sql.raw("PRAGMA analysis_limit = 2000").run()
            try await sql.raw("ANALYZE").run()
        }
    }
}

/// The demo sellers who issue generated contracts, each with their agency, office, channel and agreements.
struct GeneratedSellers {
    struct Seller {
        var id: UUID
        var agency: UUID
        var office: UUID?
        var channel: UUID?
        var agreements: [UUID]
        var weight: Int
    }

    var all: [Seller]

    /// The demo agents carry most contracts (agent 40 %, agent2 30 %, agent3 25 %, the partner admin 5 %); any
    /// other seller with an agency gets a small share.
    static let weights = ["agent": 40, "agent2": 30, "agent3": 25, "partner": 5]

    static func load(on db: any Database) async throws -> GeneratedSellers {
        let roles = [BuiltInRole.agent.rawValue, BuiltInRole.partnerAdmin.rawValue]
        let users = try await User.query(on: db).filter(\.$roleCode ~~ roles).filter(\.$agency.$id != nil)
            .sort(\.$login).all()
        var sellers: [Seller] = []
        for user in users {
            guard let id = user.id, let agencyID = user.$agency.id, let agency = try await Agency.find(agencyID, on: db)
            else { continue }
            let agreements = try await AgencyAgreement.query(on: db).filter(\.$agency.$id == agencyID).sort(\.$number).all()
            sellers.append(Seller(id: id, agency: agencyID, office: user.$office.id, channel: agency.$channel.id,
                agreements: agreements.compactMap(\.id), weight: weights[user.login] ?? 2))
        }
        guard !sellers.isEmpty else { throw "No agents with an agency to issue contracts; run `kabinet demo` first." }
        return GeneratedSellers(all: sellers)
    }
}

extension ContractGenerator {
    /// The command's part: generates with progress on the console and says how long it took.
    static func run(_ count: Int, app: Application, console: any Console) async throws {
        let started = Date()
        let step = max(ContractGenerator.rowsPerTransaction, count / 20)
        let written = try await ContractGenerator(app: app).generate(count) { done in
            if done % step == 0 || done == count { console.info("  \(done) / \(count) contracts") }
        }
        let seconds = Date().timeIntervalSince(started)
        console.info("Generated \(written) contracts in \(String(format: "%.1f", seconds)) s "
            + "(\(Int(Double(written) / max(seconds, 0.001))) per second).")
    }
}
