import Foundation
import NIOConcurrencyHelpers

/// Turns report rows into cells and hands them to the sink, counting as it goes. On SQLite it is called on the
/// database thread while the build's task waits, so the count sits behind a lock for the progress ticker, and the
/// first error is kept (a row callback cannot throw) and rethrown by `finish`.
final class ReportRowWriter: @unchecked Sendable {
    let sink: any ReportSink
    let columns: [ReportColumn]
    let lookups: ReportLookups
    /// Test hook: stop after this many rows, as a crash would.
    let stopAfter: Int?
    private let state = NIOLockedValueBox((count: 0, error: (any Error)?.none))

    init(sink: any ReportSink, columns: [ReportColumn], lookups: ReportLookups, stopAfter: Int?) {
        self.sink = sink
        self.columns = columns
        self.lookups = lookups
        self.stopAfter = stopAfter
    }

    var count: Int { state.withLockedValue { $0.count } }

    /// Writes one row unless an earlier one failed (then the rest of the statement is skipped).
    func write(_ row: ReportRow) {
        guard state.withLockedValue({ $0.error == nil }) else { return }
        do {
            if let stopAfter, count >= stopAfter { throw ReportBuilder.Interrupted() }
            try sink.append(columns.map { $0.cell(row, lookups) })
            state.withLockedValue { $0.count += 1 }
        } catch {
            state.withLockedValue { $0.error = error }
        }
    }

    /// Rethrows the first error of `write`.
    func check() throws {
        if let error = state.withLockedValue({ $0.error }) { throw error }
    }
}
