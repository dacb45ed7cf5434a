import FluentSQLiteDriver
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// The report's walk on SQLite as one streamed statement. SQLKit's row API hands every row from SQLite's thread to
/// an event loop (a thread hop per row, most of the build's time at a million rows); SQLiteNIO's async `query`
/// calls back on the database thread instead, so the rows go straight to the file there. Memory stays at one row:
/// nothing is collected. The same SQL as `forEachChunk` (visibility, filters, period, the period's index) without
/// the keyset, since one statement needs none.
extension ReportQueries {
    /// Calls `body` with every row in `(date, id)` order; false when the database is not SQLite.
    ///
    /// A database file gets a connection of its own for the walk (WAL lets it read beside the server's writers):
    /// the pool has one connection per event loop, and holding one for a whole build would queue that loop's
    /// requests behind it. An in-memory database (tests) has no file to open twice and uses a pooled connection.
    func streamSQLite(_ filter: ReportFilter, scope: RecordVisibility, application: Application,
        _ body: @escaping @Sendable (ReportRow) -> Void) async throws -> Bool
    {
        guard let lite = application.db as? any SQLiteDatabase else { return false }
        let select = predicates(filter, scope: scope)
            .reduce(sql.select().columns(ReportRow.columns).from(table(filter))) { $0.where($1) }
            .orderBy(SQLColumn(filter.basis.column)).orderBy("id")
        var serializer = SQLSerializer(database: sql)
        select.select.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        let text = serializer.sql
        let onRow: @Sendable (SQLiteRow) -> Void = { row in
            if let decoded = ReportRow(sqlite: row.columns) { body(decoded) }
        }
        let file = application.settings.dataDirectory + "/kabinet.sqlite"
        if application.settings.databaseURL == nil, FileManager.default.fileExists(atPath: file) {
            let connection = try await SQLiteConnection.open(storage: .file(path: file),
                threadPool: application.threadPool, logger: application.logger, on: application.eventLoopGroup.any())
            do {
                try await connection.query(text, binds, onRow)
            } catch {
                try? await connection.close()
                throw error
            }
            try await connection.close()
        } else {
            try await lite.withConnection { connection in try await connection.query(text, binds, onRow) }
        }
        return true
    }
}

extension ReportRow {
    /// Reads the columns in `ReportRow.columns` order by position (no name lookups, no `Decoder`).
    init?(sqlite columns: [SQLiteColumn]) {
        guard columns.count == ReportRow.columns.count else { return nil }
        func text(_ index: Int) -> String? { columns[index].data.string }
        func uuid(_ index: Int) -> UUID? { text(index).flatMap(UUID.init(uuidString:)) }
        func date(_ index: Int) -> Date? { columns[index].data.double.map(Date.init(timeIntervalSince1970:)) }
        func int(_ index: Int) -> Int64? { columns[index].data.integer.map(Int64.init) }
        guard let id = uuid(0), let owner = uuid(8), let issued = date(5), let start = date(16), let end = date(17)
        else { return nil }
        self.init(
            id: id, number: text(1), policyholderName: text(2) ?? "", productCode: text(3) ?? "",
            productName: text(4) ?? "", issuedAt: issued, status: text(6) ?? "", paymentStatus: text(7) ?? "",
            ownerID: owner, officeID: uuid(9), channelID: uuid(10), premiumMinor: int(11) ?? 0,
            currency: text(12) ?? "", frequency: text(13) ?? "", sumInsuredMinor: int(14) ?? 0,
            insuredCount: Int(int(15) ?? 0), startDate: start, endDate: end, paidAt: date(18),
            paidAmountMinor: int(19))
    }
}
