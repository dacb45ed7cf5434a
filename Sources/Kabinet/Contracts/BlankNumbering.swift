import FluentSQLiteDriver
import Foundation
import KabinetDomain
import SQLKit

/// Takes БСО numbers for contracts: the next free number of an agency agreement and product, in one statement.
///
/// `UPDATE … SET next_offset = next_offset + 1 … RETURNING` reads and advances the counter atomically, so two
/// requests — or two app instances on one PostgreSQL — never get the same number: on PostgreSQL the second
/// waits for the row lock and then sees the advanced counter (the outer `next_offset < capacity` is re-checked on
/// the new row version); SQLite runs one writer at a time. Run inside the contract's transaction, a failed save
/// gives the number back with the rollback.
enum BlankNumbering {
    /// The next free number, or nil when every range of the agreement and product is used up (or none exists).
    static func take(agreementID: UUID, productCode: String, on db: any Database) async throws -> String? {
        guard let sql = db as? any SQLDatabase else { return nil }
        // A range that filled up while this statement waited for its lock makes the sub-select's row fail the
        // outer check; the next range is then tried by running the statement again.
        for _ in 0..<5 {
            let row = try await SQLiteContention.retrying {
                try await takeStatement(sql, agreementID: agreementID, productCode: productCode).first()
            }
            if let row {
                let first = try row.decode(column: "first_number", as: String.self)
                let last = try row.decode(column: "last_number", as: String.self)
                let offset = try row.decode(column: "taken", as: Int.self)
                return BlankRange(agreementNumber: "", productCode: productCode, first: first, last: last)
                    .number(at: offset)
            }
            if try await stock(agreementID: agreementID, productCode: productCode, on: db).remaining == 0 {
                return nil
            }
        }
        return nil
    }

    /// The numbering statement. `FOR UPDATE` only where the dialect has it (PostgreSQL); SQLite locks the
    /// whole database for the write anyway.
    static func takeStatement(_ sql: any SQLDatabase, agreementID: UUID, productCode: String) -> SQLRawBuilder {
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        return sql.raw("""
            UPDATE blank_ranges SET next_offset = next_offset + 1 \
            WHERE id = (SELECT id FROM blank_ranges \
            WHERE agreement_id = \(bind: agreementID) AND product_code = \(bind: productCode) \
            AND next_offset < capacity ORDER BY first_number LIMIT 1\(lock)) \
            AND next_offset < capacity \
            RETURNING first_number, last_number, next_offset - 1 AS taken
            """)
    }

    /// Numbers in all ranges of the agreement and product, and how many are still free.
    static func stock(agreementID: UUID, productCode: String, on db: any Database) async throws
        -> (total: Int, remaining: Int)
    {
        let ranges = try await BlankRangeRecord.query(on: db)
            .filter(\.$agreementID == agreementID).filter(\.$productCode == productCode).all()
        return (ranges.reduce(0) { $0 + $1.capacity }, ranges.reduce(0) { $0 + $1.remaining })
    }
}

/// SQLite answers "locked" at once instead of waiting when another connection to the same in-memory database
/// (tests) holds the write lock; a file database waits in its busy handler. Retrying briefly makes both behave
/// like a database that waits for its turn.
enum SQLiteContention {
    static func retrying<T>(attempts: Int = 200, _ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error as SQLiteError where attempt < attempts && isContention(error) {
                attempt += 1
                try await Task.sleep(nanoseconds: 2_000_000)
            }
        }
    }

    static func isContention(_ error: SQLiteError) -> Bool {
        switch error.reason {
        case .busy, .locked, .lockedBySharedCache, .busyTimeout: true
        default: false
        }
    }
}
