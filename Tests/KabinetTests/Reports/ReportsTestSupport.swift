import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// Helpers of the report tests: an app with its own data folder (report files never mix between tests), generated
/// contracts, requesting a report through the form, reading the CSV back, and the oracle — the contracts loaded
/// whole and filtered in plain Swift, independent of the report's SQL.
enum ReportsTest {
    /// `withKabinet` with a fresh data folder for the report files, removed afterwards.
    static func withApp(_ body: (Application) async throws -> Void) async throws {
        let folder = NSTemporaryDirectory() + "kabinet-reports-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withKabinet(settings: try testSettings(["KABINET_DATA_DIR": folder]), body)
    }

    /// Contracts of the demo sellers over the last 120 days (starts and ends spread over the next years).
    static func generate(_ app: Application, _ count: Int = 300) async throws {
        try await ContractGenerator(app: app, days: 120).generate(count)
    }

    static let today = CalendarDate(Date(), timeZone: MoscowTime.zone)

    /// The form's fields for a sales report over `days` around today by the date of issue, plus `extra`.
    static func fields(kind: String = "sales", format: String = "csv", basis: String = "issued",
        from: CalendarDate = today.adding(days: -400), to: CalendarDate = today.adding(days: 4000),
        _ extra: [(String, String)] = []) -> [(String, String)]
    {
        [("kind", kind), ("format", format), ("basis", basis), ("from", from.iso), ("to", to.iso)] + extra
    }

    /// Posts the form, runs the jobs, and returns the user's newest request.
    static func build(_ browser: Browser, _ fields: [(String, String)]) async throws -> ReportRequest {
        let response = try await browser.post("/reports", fields)
        #expect(response.status == .seeOther || response.status == .found, "\(response.text.prefix(400))")
        try await browser.app.drainJobs()
        guard let request = try await ReportRequest.query(on: browser.app.db).sort(\.$number, .descending).first() else {
            throw TestFailure("no report request")
        }
        return request
    }

    static func file(_ app: Application, _ request: ReportRequest) throws -> Data {
        guard let name = request.fileName else { throw TestFailure("report \(request.number) has no file") }
        return try Data(contentsOf: URL(fileURLWithPath: ReportFiles(app).path(name)))
    }

    /// The CSV's rows (header first) without the byte order mark, split on `;` with quotes honoured.
    static func csv(_ data: Data) -> [[String]] {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch (scalar, quoted) {
            case ("\"", true) where scalars.first == "\"": field.unicodeScalars.append(scalars.removeFirst())
            case ("\"", _): quoted.toggle()
            case (";", false): row.append(field); field = ""
            case ("\r", false): continue
            case ("\n", false): row.append(field); rows.append(row); row = []; field = ""
            default: field.unicodeScalars.append(scalar)
            }
        }
        return rows
    }

    /// The contract numbers of a CSV report (first column of the data rows).
    static func numbers(_ app: Application, _ request: ReportRequest) throws -> [String] {
        try csv(file(app, request)).dropFirst().map { $0[0] }
    }

    /// The oracle: every contract the user may see that `matches`, by number.
    static func expected(_ app: Application, as login: String, _ matches: (Contract) -> Bool) async throws -> Set<String> {
        let actor = try await ActorLoader.load(try await app.user(login), sessionID: nil, on: app.db)
        return Set(try await Contract.query(on: app.db).all()
            .filter { actor.subject.canSee($0.ownership) && matches($0) }.compactMap(\.number))
    }

    static func within(_ date: Date?, _ from: CalendarDate, _ to: CalendarDate) -> Bool {
        guard let date else { return false }
        return date >= MoscowTime.start(of: from) && date < MoscowTime.start(of: to.adding(days: 1))
    }

    static func signedIn(_ app: Application, as login: String) async throws -> Browser {
        let browser = Browser(app)
        try await browser.login(login)
        return browser
    }
}
