import Fluent
import Vapor

/// The program: `kabinet` (= `kabinet serve`), `migrate`, `demo`, `users create`, `worker`.
public enum KabinetMain {
    public static func run() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            let settings = try Settings.load(environment: env)
            try await configure(app, settings: settings)
            app.asyncCommands.use(DemoCommand(), as: "demo")
            app.asyncCommands.use(UsersCommand(), as: "users")
            app.asyncCommands.use(WorkerCommand(), as: "worker")
            app.asyncCommands.use(TokensCommand(), as: "tokens")
            if isServing(env.arguments) {
                try await prepareToServe(app, settings: settings)
            }
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// `kabinet` with no command, or with `serve`, starts the web server.
    static func isServing(_ arguments: [String]) -> Bool {
        guard let command = arguments.dropFirst().first else { return true }
        return command == "serve" || command.hasPrefix("-")
    }

    /// A fresh install should just work: migrate, load demo data into an empty database, start the workers.
    static func prepareToServe(_ app: Application, settings: Settings) async throws {
        try await app.autoMigrate()
        try await ProductCatalogStore.importBundled(app)
        if settings.loadDemoData, try await User.query(on: app.db).count() == 0 {
            let logins = try await DemoData.loadInstall(into: app, contracts: settings.demoContracts)
            DemoData.printLogins(logins, baseURL: settings.baseURL)
        }
        try await JobQueue(database: app.db).schedule(Housekeeping.kind, every: 3600)
        if settings.runWorkers {
            app.lifecycle.use(WorkerService(interval: settings.workerPollInterval))
        }
    }
}
