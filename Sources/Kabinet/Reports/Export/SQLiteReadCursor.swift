import Foundation
import SQLiteNIO
import VaporCSQLite

/// A read-only walk over one statement through SQLite's C interface, for the reports' million-row reads.
///
/// SQLiteNIO builds a row object per row (a `String` per text column, the column names again, an array): at a
/// million rows that costs more than SQLite's own reading. Here a row is only a view of the statement's current
/// values — text as bytes borrowed from SQLite, valid until the next step — and the caller makes what it needs.
/// The database file gets a connection of its own (WAL lets it read beside the server's writers); the cursor is
/// used on one thread from open to close.
final class SQLiteReadCursor {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private var database: OpaquePointer?
    private var statement: OpaquePointer?

    /// Opens `path` read-only and prepares `sql` with `binds` (as SQLiteNIO encodes them).
    init(path: String, sql: String, binds: [SQLiteData]) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &database, flags, nil) == SQLITE_OK else {
            defer { close() }
            throw failure("open \(path)")
        }
        sqlite_nio_sqlite3_busy_timeout(database, 10_000)
        guard sqlite_nio_sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK else {
            defer { close() }
            throw failure("prepare")
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32 = switch value {
            case .integer(let number): sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case .float(let number): sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .text(let text): sqlite_nio_sqlite3_bind_text64(statement, index, text, UInt64(text.utf8.count),
                Self.transient, UInt8(SQLITE_UTF8))
            case .blob(let buffer): buffer.withUnsafeReadableBytes {
                sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), Self.transient)
            }
            case .null: sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else {
                defer { close() }
                throw failure("bind \(index)")
            }
        }
    }

    deinit { close() }

    /// Calls `body` with each row until the rows end or `body` answers false.
    func forEach(_ body: (Row) throws -> Bool) throws {
        guard let statement else { throw Failure(description: "SQLite cursor used after close") }
        while true {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW: if try !body(Row(statement: statement)) { return }
            case SQLITE_DONE: return
            default: throw failure("step")
            }
        }
    }

    func close() {
        sqlite_nio_sqlite3_finalize(statement)
        statement = nil
        sqlite_nio_sqlite3_close_v2(database)
        database = nil
    }

    private func failure(_ step: String) -> Failure {
        let message = database.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
        return Failure(description: "SQLite \(step): \(message)")
    }

    /// SQLite copies a bound value given this destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// The current row's values by column position.
    struct Row {
        fileprivate let statement: OpaquePointer

        func isNull(_ column: Int32) -> Bool {
            sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL
        }

        /// The UTF-8 bytes of a text column (empty for NULL), valid until the next row.
        func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: text, count: Int(sqlite_nio_sqlite3_column_bytes(statement, column)))
        }

        func text(_ column: Int32) -> String? {
            isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
        }

        func integer(_ column: Int32) -> Int64? {
            isNull(column) ? nil : sqlite_nio_sqlite3_column_int64(statement, column)
        }

        func double(_ column: Int32) -> Double? {
            isNull(column) ? nil : sqlite_nio_sqlite3_column_double(statement, column)
        }

        /// A UUID stored as its 36-character text.
        func uuid(_ column: Int32) -> UUID? {
            isNull(column) ? nil : UUID(hexText: bytes(column))
        }
    }
}

extension UUID {
    /// Parses "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (either case) from bytes, without `sscanf` or a `String`.
    init?(hexText text: UnsafeBufferPointer<UInt8>) {
        guard text.count == 36, text[8] == 0x2D, text[13] == 0x2D, text[18] == 0x2D, text[23] == 0x2D else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var invalid: UInt8 = 0
        withUnsafeMutableBytes(of: &bytes) { output in
            var position = 0
            for index in 0..<16 {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                let high = Self.nibbles[Int(text[position])], low = Self.nibbles[Int(text[position + 1])]
                invalid |= (high | low) & 0x10
                output[index] = high << 4 | low & 0x0F
                position += 2
            }
        }
        guard invalid == 0 else { return nil }
        self.init(uuid: bytes)
    }

    /// Each byte's value as a hex digit, or 0x10 when it is none.
    private static let nibbles: [UInt8] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte) - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt8(byte) - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt8(byte) - UInt8(ascii: "A") + 10
        default: 0x10
        }
    }
}
