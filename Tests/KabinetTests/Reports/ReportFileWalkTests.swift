import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import ZIPFoundation

@testable import Kabinet

/// The report's fast walk over an SQLite file (its own connection and thread, rows read through the C interface)
/// must write exactly what the portable chunk walk writes — the one PostgreSQL and the other tests take.
@Suite("Report walk over an SQLite file")
struct ReportFileWalkTests {
    typealias R = ReportsTest

    @Test("CSV and XLSX from the file walk equal the chunk walk's byte for byte, in (date, id) order")
    func sameAsChunks() async throws {
        let folder = NSTemporaryDirectory() + "kabinet-report-walk-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withKabinet(settings: try testSettings(["KABINET_DATA_DIR": folder]),
            database: .sqliteFile(folder + "/kabinet.sqlite"))
        { app in
            // given: more than a chunk, with the values a writer can get wrong
            try await R.generate(app, ReportQueries.chunk + 300)
            let sql = app.db as! any SQLDatabase
            let odd = try await Contract.query(on: app.db).sort(\.$issuedAt).limit(3).all()
            try await sql.update(Contract.schema).set("policyholder_name", to: "=Иванов; \"Пётр\"")
                .where("id", .equal, odd[0].requireID()).run()
            try await sql.update(Contract.schema).set("office_id", to: SQLLiteral.null).set("channel_id", to: SQLLiteral.null)
                .where("id", .equal, odd[1].requireID()).run()
            let browser = try await R.signedIn(app, as: "operator")
            for format in ["csv", "xlsx"] {
                // when
                let walked = try await request(browser, format: format)
                try await ReportBuilder.build(walked, application: app)
                let chunked = try await request(browser, format: format)
                try await ReportBuilder.build(chunked, application: app, chunksOnly: true)
                // then
                let fast = try #require(try await ReportRequest.find(walked, on: app.db))
                let portable = try #require(try await ReportRequest.find(chunked, on: app.db))
                #expect(fast.state == .done && portable.state == .done)
                #expect(fast.rowCount == Int64(ReportQueries.chunk + 300))
                #expect(fast.rowCount == portable.rowCount)
                if format == "csv" {
                    let bytes = try R.file(app, fast)
                    #expect(bytes == (try R.file(app, portable)))
                    let rows = R.csv(bytes)
                    #expect(rows[1][2] == "'=Иванов; \"Пётр\"")
                    #expect(rows.contains { $0[3].isEmpty && $0[6].isEmpty }, "no office, no channel: empty cells")
                    let ordered = try await Contract.query(on: app.db).all()
                        .sorted { ($0.issuedAt, $0.id!.uuidString) < ($1.issuedAt, $1.id!.uuidString) }.compactMap(\.number)
                    #expect(rows.dropFirst().map { $0[0] } == ordered)
                } else {
                    for part in ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"] {
                        let fastText = try ReportFileTests.text(try Archive(data: R.file(app, fast), accessMode: .read), part)
                        let portableText = try ReportFileTests.text(try Archive(data: R.file(app, portable), accessMode: .read), part)
                        #expect(fastText == portableText, "\(part)")
                    }
                }
            }
        }
    }

    @Test("The chunk walk continues exactly after each chunk's last row, by every date of «Период *»")
    func chunkBoundaries() async throws {
        try await withKabinet { app in
            // given: issue instants with fractions of a second, as real ones have
            try await R.generate(app, 157)
            let queries = ReportQueries(try ContractQueries(app.db))
            for basis in ReportPeriodBasis.allCases {
                let filter = ReportFilter(kind: .sales, format: .csv, basis: basis,
                    from: R.today.adding(days: -400), to: R.today.adding(days: 4000))
                // when
                var chunked: [UUID] = []
                try await queries.forEachChunk(filter, scope: .everything, size: 7) { chunked += $0.map(\.id) }
                var whole: [UUID] = []
                try await queries.forEachChunk(filter, scope: .everything, size: 1_000) { whole += $0.map(\.id) }
                // then
                #expect(chunked == whole, "\(basis)")
                #expect(Set(chunked).count == chunked.count, "\(basis): no row twice")
                #expect(!whole.isEmpty)
            }
        }
    }

    /// Posts the form without running the job; returns the new request's id.
    private func request(_ browser: Browser, format: String) async throws -> UUID {
        #expect(try await browser.post("/reports", R.fields(format: format)).status == .seeOther)
        return try #require(try await ReportRequest.query(on: browser.app.db).sort(\.$number, .descending).first()).requireID()
    }
}

@Suite("Background thread")
struct BackgroundThreadTests {
    @Test("Runs the work on a thread of lower priority and hands back its result or its error")
    func priorityAndResult() async throws {
        let niceness = try await BackgroundThread.run { _ in getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }
        #expect(niceness == getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) + BackgroundThread.niceness)
        await #expect(throws: TestFailure.self) {
            try await BackgroundThread.run { _ in throw TestFailure("boom") }
        }
    }

    @Test("Cancelling the waiting task raises the flag the work checks")
    func cancellation() async throws {
        let task = Task {
            try await BackgroundThread.run { cancellation in
                let deadline = Date().addingTimeInterval(10)
                while !cancellation.isCancelled && Date() < deadline { usleep(1_000) }
                return cancellation.isCancelled
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        #expect(try await task.value)
    }
}

@Suite("UUID from text bytes")
struct UUIDHexTextTests {
    @Test("Parses either case and refuses anything that is not a UUID's text")
    func parse() {
        func parse(_ text: String) -> UUID? {
            Array(text.utf8).withUnsafeBufferPointer { UUID(hexText: $0) }
        }
        let id = UUID()
        #expect(parse(id.uuidString) == id)
        #expect(parse(id.uuidString.lowercased()) == id)
        #expect(parse("00000000-0000-0000-0000-00000000000G") == nil)
        #expect(parse("00000000-0000-0000-0000_000000000000") == nil)
        #expect(parse("00000000-0000-0000-0000-0000000000") == nil)
        #expect(parse("ffffffff-ffff-ffff-ffff-ffffffffffff") == UUID(uuidString: "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"))
    }
}
