import SQLKit

/// The triggers that keep `contract_list_counts` equal to a `GROUP BY` over `contracts`, in each database's dialect.
///
/// SQLite has row triggers only: each changed contract moves one unit between two counters. PostgreSQL uses
/// statement triggers with transition tables, so a batch of ten thousand inserted contracts is folded into one
/// grouped upsert; old and new rows are netted into a single statement that locks counters in key order, so two
/// transactions moving contracts between the same counters in opposite directions cannot deadlock.
enum ContractListCountTriggers {
    private static let table = CreateContractListCounts.table
    private static let span = CreateContractListCounts.bucketSeconds
    private static let noID = CreateContractListCounts.noID
    private static var key: String { CreateContractListCounts.keyColumns.joined(separator: ", ") }

    /// The counter key of a contract row (`prefix` is NEW., OLD. or empty), in column order.
    private static func sqliteKey(_ prefix: String) -> String {
        "\(prefix)owner_id, COALESCE(\(prefix)agency_id, '\(noID)'), COALESCE(\(prefix)office_id, '\(noID)'), "
            + "\(prefix)product_code, \(prefix)status, \(prefix)payment_status, \(prefix)work_required, "
            + "CAST(\(prefix)issued_at AS INTEGER) / \(span)"
    }

    private static func postgresKey() -> String {
        "owner_id, COALESCE(agency_id, '\(noID)'::uuid), COALESCE(office_id, '\(noID)'::uuid), product_code, status, "
            + "payment_status, work_required, (floor(extract(epoch FROM issued_at))::bigint / \(span))::integer"
    }

    static func createSQLite(_ sql: any SQLDatabase) async throws {
        let add = "INSERT INTO \(table) (\(key), n) VALUES (\(sqliteKey("NEW.")), 1) "
            + "ON CONFLICT (\(key)) DO UPDATE SET n = n + 1;"
        let keyMatch = zip(CreateContractListCounts.keyColumns, splitKey(sqliteKey("OLD.")))
            .map { "\($0) = \($1)" }.joined(separator: " AND ")
        let remove = "UPDATE \(table) SET n = n - 1 WHERE \(keyMatch);"
        let watched = "owner_id, agency_id, office_id, product_code, status, payment_status, work_required, issued_at"
        try await run(sql, "CREATE TRIGGER contract_list_counts_insert AFTER INSERT ON contracts BEGIN \(add) END")
        try await run(sql, "CREATE TRIGGER contract_list_counts_delete AFTER DELETE ON contracts BEGIN \(remove) END")
        try await run(sql, "CREATE TRIGGER contract_list_counts_update AFTER UPDATE OF \(watched) ON contracts BEGIN \(remove) \(add) END")
    }

    /// The key expressions one by one; none of them contains a comma outside parentheses.
    private static func splitKey(_ key: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in key {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == ",", depth == 0 {
                parts.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmingCharacters(in: .whitespaces))
        return parts
    }

    static func createPostgres(_ sql: any SQLDatabase) async throws {
        let body = """
            CREATE FUNCTION contract_list_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
            BEGIN
              IF TG_OP = 'INSERT' THEN
                INSERT INTO \(table) (\(key), n)
                  SELECT \(postgresKey()), count(*) FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
                  ON CONFLICT (\(key)) DO UPDATE SET n = \(table).n + EXCLUDED.n;
              ELSIF TG_OP = 'DELETE' THEN
                INSERT INTO \(table) (\(key), n)
                  SELECT \(postgresKey()), -count(*) FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
                  ON CONFLICT (\(key)) DO UPDATE SET n = \(table).n + EXCLUDED.n;
              ELSE
                INSERT INTO \(table) (\(key), n)
                  SELECT \(key), sum(delta) FROM (
                    SELECT \(postgresKey()), -1 AS delta FROM old_rows
                    UNION ALL SELECT \(postgresKey()), 1 FROM new_rows
                  ) AS moved (\(key), delta)
                  GROUP BY \(key) HAVING sum(delta) <> 0 ORDER BY \(key)
                  ON CONFLICT (\(key)) DO UPDATE SET n = \(table).n + EXCLUDED.n;
              END IF;
              RETURN NULL;
            END
            $fn$
            """
        try await run(sql, body)
        for (name, event, tables) in [
            ("contract_list_counts_insert", "INSERT", "NEW TABLE AS new_rows"),
            ("contract_list_counts_update", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("contract_list_counts_delete", "DELETE", "OLD TABLE AS old_rows"),
        ] {
            try await run(sql, """
                CREATE TRIGGER \(name) AFTER \(event) ON contracts REFERENCING \(tables)
                FOR EACH STATEMENT EXECUTE FUNCTION contract_list_counts_apply()
                """)
        }
    }

    /// Counts the contracts that exist when the migration runs (none on a new install).
    static func backfill(_ sql: any SQLDatabase) async throws {
        let expression = sql.dialect.name == "postgresql" ? postgresKey() : sqliteKey("")
        try await run(sql, """
            INSERT INTO \(table) (\(key), n) SELECT \(expression), count(*) FROM contracts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
            """)
    }

    static func drop(_ sql: any SQLDatabase) async throws {
        for name in ["contract_list_counts_insert", "contract_list_counts_update", "contract_list_counts_delete"] {
            let onTable = sql.dialect.name == "postgresql" ? " ON contracts" : ""
            try await run(sql, "DROP TRIGGER IF EXISTS \(name)\(onTable)")
        }
        if sql.dialect.name == "postgresql" {
            try await run(sql, "DROP FUNCTION IF EXISTS contract_list_counts_apply()")
        }
    }

    /// Runs a statement assembled from the constants above (no user input reaches this text).
    private static func run(_ sql: any SQLDatabase, _ text: String) async throws {
        try await sql.raw(SQLQueryString(text)).run()
    }
}
