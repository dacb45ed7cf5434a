import FluentSQLiteDriver
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// The report's walk over an SQLite file as one statement read through `SQLiteReadCursor`, on a low-priority thread
/// of its own (`BackgroundThread`), straight into the writer: no row objects between SQLite and the file, memory at
/// one row, and the server's requests first whenever both want a core. The same SQL as `forEachChunk` (visibility,
/// filters, period, the period's index) without the keyset, since one statement needs none.
extension ReportQueries {
    /// Streams every row in `(date, id)` order into `writer`; false when the database is not an SQLite file (then
    /// the caller walks in chunks: PostgreSQL, and the tests' in-memory SQLite, which has no file to open twice).
    func streamSQLiteFile(_ filter: ReportFilter, scope: RecordVisibility, application: Application,
        into writer: ReportRowWriter) async throws -> Bool
    {
        let file = application.settings.dataDirectory + "/kabinet.sqlite"
        guard application.db is any SQLiteDatabase, application.settings.databaseURL == nil,
            FileManager.default.fileExists(atPath: file)
        else { return false }
        let select = rows(filter, predicates(filter, scope: scope))
            .orderBy(SQLColumn(filter.basis.column)).orderBy("id")
        var serializer = SQLSerializer(database: sql)
        select.select.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        let text = serializer.sql
        try await BackgroundThread.run { cancellation in
            let cursor = try SQLiteReadCursor(path: file, sql: text, binds: binds)
            var rows = 0
            try cursor.forEach { row in
                rows += 1
                if rows & 1023 == 0, cancellation.isCancelled { throw CancellationError() }
                guard let decoded = ReportRow(row) else { throw SQLiteReadCursor.Failure(description: "unreadable contract row") }
                return writer.write(decoded)
            }
        }
        return true
    }
}

extension ReportRow {
    /// Reads the columns in `ReportRow.columns` order by position (no name lookups, no `Decoder`).
    init?(_ row: SQLiteReadCursor.Row) {
        func date(_ index: Int32) -> Date? { row.double(index).map(Date.init(timeIntervalSince1970:)) }
        guard let id = row.uuid(0), let owner = row.uuid(8), let issued = date(5), let start = date(16),
            let end = date(17)
        else { return nil }
        self.init(
            id: id, number: row.text(1), policyholderName: row.text(2) ?? "", productCode: row.text(3) ?? "",
            productName: row.text(4) ?? "", issuedAt: issued, status: row.text(6) ?? "",
            paymentStatus: row.text(7) ?? "", ownerID: owner, officeID: row.uuid(9), channelID: row.uuid(10),
            premiumMinor: row.integer(11) ?? 0, currency: row.text(12) ?? "", frequency: row.text(13) ?? "",
            sumInsuredMinor: row.integer(14) ?? 0, insuredCount: Int(row.integer(15) ?? 0), startDate: start,
            endDate: end, paidAt: date(18), paidAmountMinor: row.integer(19))
    }
}
