import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import NIOSSL
import Vapor

/// Sets up the application: settings, database, templates, middleware, modules, background work.
/// Tests call it too, with their own settings and database.
public func configure(_ app: Application, settings: Settings, database: DatabaseChoice? = nil) async throws {
    app.settings = settings
    app.secretBox = SecretBox(key: try InstallationKey.load(settings: settings))
    KabinetMetrics.bootstrap()
    app.localization = try Localization(directory: BundledResources.root + "Localization")

    try configureDatabase(app, settings: settings, choice: database)
    configureViews(app)
    configureMiddleware(app, settings: settings)
    configureTransports(app, settings: settings)

    app.migrations.add(Migrations.all)
    var handlers = app.jobHandlers
    OutboxDelivery.register(in: &handlers)
    Housekeeping.register(in: &handlers)
    CommissionActJob.register(in: &handlers)
    ReportBuilder.register(in: &handlers)
    WebhookDeliveryJob.register(in: &handlers)
    app.jobHandlers = handlers

    if app.environment == .testing {
        app.passwords.use(.bcrypt(cost: 4))
    }
    try routes(app)
}

/// Which database to use; nil means "from the settings": PostgreSQL by URL, else the SQLite file in the data folder.
public enum DatabaseChoice: Sendable {
    case sqliteMemory
    case sqliteFile(String)
    /// A PostgreSQL URL, optionally with a schema to work in (tests give each test its own schema).
    case postgres(String, schema: String? = nil)
}

private func configureDatabase(_ app: Application, settings: Settings, choice: DatabaseChoice?) throws {
    let resolved = choice ?? settings.databaseURL.map { DatabaseChoice.postgres($0) }
        ?? .sqliteFile(settings.dataDirectory + "/kabinet.sqlite")
    switch resolved {
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory), as: .sqlite)
    case .sqliteFile(let path):
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        app.databases.use(.sqlite(.file(path)), as: .sqlite)
        app.lifecycle.use(SQLiteTuning())
    case .postgres(let url, let schema):
        var config = try SQLPostgresConfiguration(url: url)
        if let schema { config.searchPath = [schema] }
        if url.contains("sslmode=disable") || !url.contains("sslmode") {
            config.coreConfiguration.tls = .disable
        }
        app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: settings.databasePoolPerEventLoop), as: .psql)
    }
}

/// WAL lets readers go on while one writer writes, which is what a web server with a worker needs.
private struct SQLiteTuning: LifecycleHandler {
    func willBootAsync(_ application: Application) async throws {
        guard let sql = application.db as? any SQLDatabase else { return }
        try await sql.raw("PRAGMA journal_mode=WAL").run()
        try await sql.raw("PRAGMA synchronous=NORMAL").run()
    }
}

private func configureViews(_ app: Application) {
    let views = BundledResources.root + "Views/"
    app.views.use(.leaf)
    app.leaf.configuration = LeafConfiguration(rootDirectory: views)
    app.leaf.sources = .singleSource(NIOLeafFiles(
        fileio: app.fileio, limits: [.toSandbox, .requireExtensions], sandboxDirectory: views, viewDirectory: views))
    app.leaf.tags["t"] = TranslateTag()
    app.leaf.tags["csrf"] = CSRFTag()
}

private func configureMiddleware(_ app: Application, settings: Settings) {
    app.middleware = Middlewares()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPagesMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: BundledResources.root + "Public/"))
    app.middleware.use(SessionAuthenticator())
    app.middleware.use(FormBodyCollector(
        exemptPrefixes: ["/api/", "/payments/callback/"], largeUploadSuffixes: ["/scans": ContractSigningController.maxScanBytes + 64 * 1024,
                                                        "/documents/manage": LibraryUpload.maxBytes + 64 * 1024]))
    app.middleware.use(CSRFMiddleware(secureCookies: settings.secureCookies, exemptPrefixes: ["/api/", "/payments/callback/"]))
    app.routes.defaultMaxBodySize = "2mb"
}

private func configureTransports(_ app: Application, settings: Settings) {
    var transports = Transports(email: DevelopmentEmailTransport(), sms: DevelopmentSMSTransport())
    if settings.mailTransport == .smtp, let smtp = settings.smtp {
        transports.email = SMTPEmailTransport(client: SMTPClient(settings: smtp, eventLoopGroup: app.eventLoopGroup))
    }
    if let url = settings.smsGatewayURL {
        transports.sms = HTTPSMSTransport(
            url: url, login: settings.smsGatewayLogin, password: settings.smsGatewayPassword,
            sender: settings.smsSender, client: app.client)
    }
    app.transports = transports
}
