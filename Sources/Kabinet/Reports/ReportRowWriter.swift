import Foundation
import NIOConcurrencyHelpers

/// Turns report rows into cells and hands them to the sink, counting as it goes. On SQLite it runs on the build's
/// own thread while the job's task waits, so what the progress ticker reads (`count`) is published behind a lock
/// every thousand rows; the rest is used by one thread at a time. A row's failure is kept (a row callback cannot
/// throw), stops the walk and is rethrown by `check`.
final class ReportRowWriter: @unchecked Sendable {
    let sink: any ReportSink
    let columns: [ReportColumn]
    let lookups: ReportLookups
    /// Test hook: stop after this many rows, as a crash would.
    let stopAfter: Int?
    private var cells: [XLSXCell] = []
    private var written = 0
    private var failure: (any Error)?
    private let published = NIOLockedValueBox(0)

    init(sink: any ReportSink, columns: [ReportColumn], lookups: ReportLookups, stopAfter: Int?) {
        self.sink = sink
        self.columns = columns
        self.lookups = lookups
        self.stopAfter = stopAfter
        cells.reserveCapacity(columns.count)
    }

    /// Rows written, as last published (for the progress).
    var count: Int { published.withLockedValue { $0 } }

    /// Writes one row; false once a row has failed (the walk should stop there).
    func write(_ row: ReportRow) -> Bool {
        guard failure == nil else { return false }
        do {
            if let stopAfter, written >= stopAfter { throw ReportBuilder.Interrupted() }
            cells.removeAll(keepingCapacity: true)
            for column in columns { cells.append(column.cell(row, lookups)) }
            try sink.append(cells)
            written += 1
            if written & 1023 == 0 { publish() }
            return true
        } catch {
            failure = error
            return false
        }
    }

    /// Publishes the count and rethrows the first failure of `write`.
    func check() throws {
        publish()
        if let failure { throw failure }
    }

    private func publish() {
        let written = written
        published.withLockedValue { $0 = written }
    }
}
