import Fluent
import Vapor

/// `kabinet tokens create --login L --name N`: a personal API token for a user, for integrators and scripts.
/// The token is printed alone on the last line of standard output (`TOKEN=$(kabinet tokens create … | tail -1)`);
/// like the one shown on the profile page, it cannot be read back later.
struct TokensCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create") var action: String
        @Option(name: "login", help: "login of the user the token acts as") var login: String?
        @Option(name: "name", help: "what the token is for, shown on the user's profile page") var name: String?
    }

    var help: String { "Creates a personal API token for a user and prints it" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "create" else { throw "Unknown action '\(signature.action)'; use: tokens create" }
        guard let login = signature.login else { throw "--login is required" }
        let app = context.application
        try await app.autoMigrate()
        guard let user = try await User.query(on: app.db).filter(\.$login == User.normalize(login: login)).first() else {
            throw "No user with the login '\(login)'."
        }
        let tokens = APITokens(database: app.db, audit: Audit.system(app.db, login: "command-line"))
        do {
            let created = try await tokens.create(for: try user.requireID(), name: signature.name ?? "command-line")
            context.console.info("Token «\(created.token.name)» created for \(user.login); it is shown only now:")
            print(created.secret)
        } catch AppError.validation(let problems) {
            for problem in problems {
                context.console.error("\(problem.field): \(app.localization.text(problem.key, locale: "ru", problem.arguments))")
            }
            throw "The token was not created."
        }
    }
}
