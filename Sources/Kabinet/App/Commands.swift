import Fluent
import KabinetDomain
import Vapor

/// `kabinet demo`: migrates and loads the demo organisation and users into an empty database.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "contracts", help: "also generate this many random contracts of the demo agents (e.g. 1000000)")
        var contracts: Int?
    }

    var help: String { "Loads demo data (company, channels, agencies, offices, a user for every role)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.autoMigrate()
        try await ProductCatalogStore.importBundled(app)
        if try await User.query(on: app.db).count() == 0 {
            // --contracts replaces the install's own demo contracts rather than adding to them.
            let logins = try await DemoData.loadInstall(
                into: app, contracts: signature.contracts == nil ? app.settings.demoContracts : 0)
            DemoData.printLogins(logins, baseURL: app.settings.baseURL)
        } else if signature.contracts == nil {
            context.console.warning("The database already has users; demo data is loaded only into an empty one.")
        }
        if let count = signature.contracts {
            try await ContractGenerator.run(count, app: app, console: context.console)
        }
    }
}

/// `kabinet worker`: runs the background workers without the web server.
struct WorkerCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Runs background jobs (outbox delivery, reports) without serving HTTP" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        context.console.info("Workers of every lane started; Ctrl-C stops them.")
        await WorkerService.run(app, every: app.settings.workerPollInterval)
    }
}

/// `kabinet users create --login … --role … [--email …] [--name …] [--password …]`
struct UsersCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "login", help: "login of the new user") var login: String?
        @Option(name: "role", help: "role code: agent, partner_admin, operator, team_lead, head, administrator or a custom one")
        var role: String?
        @Option(name: "email", help: "e-mail for the invitation") var email: String?
        @Option(name: "name", help: "full name") var name: String?
        @Option(name: "password", help: "set this password instead of sending an invitation") var password: String?
    }

    var help: String { "Creates a user and prints an invitation link (or sets the given password)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw "Unknown action '\(signature.action)'; use: users create" }
        guard let login = signature.login, let role = signature.role else { throw "--login and --role are required" }
        let app = context.application
        try await app.autoMigrate()
        let draft = UserDraft(
            login: login, fullName: signature.name ?? login, email: signature.email ?? "\(login)@kabinet.local",
            roleCode: role, agencyID: nil, officeID: nil, channelID: nil)
        let audit = Audit.system(app.db, login: "command-line")
        let accounts = UserAccounts(database: app.db, audit: audit, hasher: app.password, settings: app.settings,
            localization: app.localization)
        do {
            let created = try await accounts.create(draft, password: signature.password)
            if let link = created.invitationLink {
                context.console.info("User \(login) created. Invitation link (also e-mailed): \(link)")
            } else {
                context.console.info("User \(login) created with the given password.")
            }
        } catch AppError.validation(let problems) {
            for problem in problems {
                context.console.error("\(problem.field): \(app.localization.text(problem.key, locale: "ru", problem.arguments))")
            }
            throw "The user was not created."
        }
    }
}
