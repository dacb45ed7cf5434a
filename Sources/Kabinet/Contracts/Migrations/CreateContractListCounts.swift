import Fluent
import SQLKit

/// What keeps the contract list fast at a million rows (docs/BENCHMARKS.md has the figures):
///
/// - `contract_list_counts`: how many contracts share each combination of the list's choice filters (owner, agency,
///   office, product, status, payment, work required) per 30-day bucket of `issued_at`. Database triggers keep it
///   exact on every insert, update and delete, whoever writes, so «Результатов найдено: N» sums a few thousand
///   counters instead of counting a million contracts.
/// - Three covering indexes that hold every choice filter column after the visibility column and `issued_at`, so
///   a page sorted by date and the partial buckets at the edges of a period are read from the index alone.
/// - Name and number search indexes that also hold the visibility columns, so a search counts from the index alone;
///   on PostgreSQL the name is indexed in byte order (`COLLATE "C"`), which the prefix range needs whatever the
///   database's collation is.
struct CreateContractListCounts: AsyncMigration {
    static let table = "contract_list_counts"
    /// The size of a bucket in seconds (30 days): small enough that the partial buckets at a period's edges are a
    /// short index range, large enough that a million contracts fold into some twenty thousand counters.
    static let bucketSeconds = 2_592_000
    /// Stands for a missing agency or office in the counters' key (NULLs never match in a unique key).
    static let noID = "00000000-0000-0000-0000-000000000000"
    static let keyColumns = ["owner_id", "agency_id", "office_id", "product_code", "status", "payment_status",
        "work_required", "bucket"]

    func prepare(on database: any Database) async throws {
        try await database.schema(Self.table)
            .field("owner_id", .uuid, .required)
            .field("agency_id", .uuid, .required)
            .field("office_id", .uuid, .required)
            .field("product_code", .string, .required)
            .field("status", .string, .required)
            .field("payment_status", .string, .required)
            .field("work_required", .bool, .required)
            .field("bucket", .int, .required)
            .field("n", .int64, .required)
            .unique(on: "owner_id", "agency_id", "office_id", "product_code", "status", "payment_status",
                "work_required", "bucket", name: "contract_list_counts_key")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // Sums for one owner or one agency read these covering indexes only (a few thousand entries for a busy agent);
        // the sum over everything reads the small table itself.
        let choices = ["bucket", "status", "payment_status", "product_code", "work_required", "office_id"]
        for (name, columns) in [
            ("contract_list_counts_owner", ["owner_id"] + choices + ["n"]),
            ("contract_list_counts_agency", ["agency_id"] + choices + ["owner_id", "n"]),
        ] {
            var builder = sql.create(index: name).on(Self.table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
        try await createCoveringIndexes(sql)
        if sql.dialect.name == "postgresql" {
            try await ContractListCountTriggers.createPostgres(sql)
            try await sql.raw("""
                CREATE INDEX contracts_list_name ON contracts (policyholder_search COLLATE "C", owner_id, agency_id, issued_at, id)
                """).run()
        } else {
            try await ContractListCountTriggers.createSQLite(sql)
            try await sql.create(index: "contracts_list_name").on(Contract.schema).column("policyholder_search")
                .column("owner_id").column("agency_id").column("issued_at").column("id").run()
        }
        try await ContractListCountTriggers.backfill(sql)
    }

    private func createCoveringIndexes(_ sql: any SQLDatabase) async throws {
        let choices = ["status", "payment_status", "product_code", "work_required", "office_id"]
        let indexes: [(String, [String])] = [
            ("contracts_list_owner", ["owner_id", "issued_at"] + choices),
            ("contracts_list_agency", ["agency_id", "issued_at"] + choices + ["owner_id"]),
            ("contracts_list_all", ["issued_at"] + choices + ["owner_id", "agency_id"]),
            ("contracts_list_number", ["number", "owner_id", "agency_id"]),
        ]
        for (name, columns) in indexes {
            var builder = sql.create(index: name).on(Contract.schema)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await ContractListCountTriggers.drop(sql)
            for name in ["contracts_list_owner", "contracts_list_agency", "contracts_list_all", "contracts_list_number",
                "contracts_list_name"]
            {
                try await sql.drop(index: name).ifExists().run()
            }
        }
        try await database.schema(Self.table).delete()
    }
}
