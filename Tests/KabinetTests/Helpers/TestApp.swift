import FluentKit
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// The test database: SQLite in memory by default; with `KABINET_TEST_DATABASE_URL=postgres://…` every test gets
/// its own throwaway schema on that server, so the same suite runs on PostgreSQL, in parallel.
enum TestDatabase {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["KABINET_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// A fixed key, so tests never write a key file into the working folder.
let testSecretKey = Data((0..<32).map { UInt8($0) }).base64EncodedString()

/// Settings for tests: development transports, no in-process worker (tests drain jobs themselves).
func testSettings(_ overrides: [String: String] = [:]) throws -> Settings {
    // Hundreds of tests run in parallel against one PostgreSQL server: one connection per event loop each.
    var variables = ["KABINET_DB_POOL_PER_LOOP": "1", "KABINET_WORKERS": "false", "KABINET_DEMO": "true", "KABINET_BASE_URL": "http://kabinet.test",
                     "KABINET_SECRET_KEY": testSecretKey]
    variables.merge(overrides) { $1 }
    return try Settings.load(environment: .testing, variables: variables)
}

let testLogLevel = ProcessInfo.processInfo.environment["KABINET_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning

/// Starts a configured, migrated app with the demo organisation loaded, runs `body`, and tears everything down.
func withKabinet(
    settings: Settings? = nil, database: DatabaseChoice? = nil, demo: Bool = true,
    _ body: (Application) async throws -> Void
) async throws {
    try await TestAppSlots.shared.run {
        try await runKabinet(settings: settings, database: database, demo: demo, body)
    }
}

private func runKabinet(
    settings: Settings?, database: DatabaseChoice?, demo: Bool, _ body: (Application) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    // Hundreds of apps log every migration and request at info; CI keeps only the tail of the output, and a
    // failure must not scroll out of it. KABINET_TEST_LOG_LEVEL=info brings the lines back when debugging.
    app.logger.logLevel = testLogLevel
    var schema: String?
    do {
        var choice = database ?? .sqliteMemory
        if database == nil, let url = TestDatabase.postgresURL {
            let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            schema = name
            choice = .postgres(url, schema: name)
        }
        try await configure(app, settings: settings ?? testSettings(), database: choice)
        if let schema, let sql = app.db as? any SQLDatabase {
            try await sql.raw("CREATE SCHEMA \(ident: schema)").run()
        }
        try await app.autoMigrate()
        try await ProductCatalogStore.importBundled(app)
        if demo { _ = try await DemoData.load(into: app) }
        try await body(app)
    } catch {
        await dropSchema(schema, app: app)
        try? await app.asyncShutdown()
        throw error
    }
    await dropSchema(schema, app: app)
    try await app.asyncShutdown()
}

private func dropSchema(_ schema: String?, app: Application) async {
    guard let schema, let sql = app.db as? any SQLDatabase else { return }
    try? await sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
}

extension Application {
    /// Runs every due background job now, as the worker would.
    @discardableResult
    func drainJobs() async throws -> Int {
        try await JobWorker(application: self).drain()
    }

    func user(_ login: String) async throws -> User {
        guard let user = try await User.query(on: db).filter(\.$login == login).first() else {
            throw TestFailure("no user \(login)")
        }
        return user
    }

    func outboxMessages(to recipient: String) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: db).filter(\.$recipient == recipient).sort(\.$createdAt).all()
    }

    func auditEntries(_ action: String) async throws -> [AuditEntry] {
        try await AuditEntry.query(on: db).filter(\.$action == action).all()
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
