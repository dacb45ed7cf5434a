import Vapor

/// The start page: the sections the user may open, as tiles (seed 000's start screen).
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
    }

    struct HomeContent: Encodable {
        var greeting: String
    }

    func home(req: Request) async throws -> Response {
        let actor = try req.actor
        return try await req.page("home/index", title: "home.title", HomeContent(greeting: req.t("home.greeting", actor.fullName)))
    }

}

/// Switching the interface language: open to everyone, the login page included.
struct LanguageController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("language", use: language)
    }

    struct LanguageForm: Content {
        var locale: String
        var back: String?
    }

    /// Switches the interface language; remembered in a cookie for visitors and on the account for users.
    func language(req: Request) async throws -> Response {
        let form = try req.content.decode(LanguageForm.self)
        guard Localization.supported.contains(form.locale) else { throw AppError.message(.badRequest, key: "error.bad_request") }
        if let actor = req.optionalActor, let user = try await User.find(actor.userID, on: req.db) {
            user.locale = form.locale
            try await user.save(on: req.db)
        }
        let response = req.redirect(to: req.safeReturnPath(form.back))
        response.cookies[Request.localeCookie] = HTTPCookies.Value(
            string: form.locale, maxAge: 365 * 24 * 3600, path: "/", isSecure: req.application.settings.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
