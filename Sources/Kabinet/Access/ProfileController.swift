import Fluent
import KabinetDomain
import Vapor

/// «Профиль»: who I am, my role and organisation, changing my password, and my API tokens
/// (`ProfileController+Tokens.swift`).
struct ProfileController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("profile", use: show)
        routes.post("profile", "password", use: changePassword)
        routes.post("profile", "tokens", use: createToken)
        routes.post("profile", "tokens", ":id", "revoke", use: revokeToken)
    }

    struct ProfileContent: Encodable {
        var login: String
        var fullName: String
        var email: String
        var role: String
        var agency: String?
        var office: String?
        var errors: [String: String]
        var policy: String
        var tokens: [TokenRow]
        /// A token just created: its secret is on this one page and nowhere else.
        var newToken: NewToken?
    }

    func show(req: Request) async throws -> Response {
        try await render(req, errors: [:])
    }

    func render(_ req: Request, errors: [String: String], status: HTTPStatus = .ok, newToken: NewToken? = nil)
        async throws -> Response
    {
        let actor = try req.actor
        let user = try await User.query(on: req.db).filter(\.$id == actor.userID).with(\.$agency).with(\.$office).first()
        return try await req.page("access/profile", title: "profile.title",
            ProfileContent(
                login: actor.login, fullName: actor.fullName, email: actor.email, role: req.t("role.\(actor.roleCode)"),
                agency: user?.agency?.name, office: user?.office?.name, errors: errors, policy: req.t("password.policy"),
                tokens: try await tokenRows(req, userID: actor.userID), newToken: newToken),
            status: status)
    }

    struct PasswordForm: Content {
        var current: String?
        var password: String?
        var confirmation: String?
    }

    func changePassword(req: Request) async throws -> Response {
        let actor = try req.actor
        let form = try req.content.decode(PasswordForm.self)
        guard let user = try await User.find(actor.userID, on: req.db) else { throw AppError.notFound }
        let currentOK = try await user.passwordHash.asyncMap { try await req.password.async.verify(form.current ?? "", created: $0) } ?? false
        guard currentOK else {
            return try await render(req, errors: req.messages(for: [FieldProblem(field: "current", key: "profile.current_wrong")]),
                status: .unprocessableEntity)
        }
        if let violation = PasswordPolicy().check(form.password ?? "", confirmation: form.confirmation ?? "", login: user.login) {
            let field = violation == .mismatch ? "confirmation" : "password"
            return try await render(req, errors: req.messages(for: [FieldProblem(field: field, key: violation.rawValue)]),
                status: .unprocessableEntity)
        }
        user.passwordHash = try await req.password.async.hash(form.password ?? "")
        try await req.db.transaction { db in
            try await user.save(on: db)
            // Other devices must log in again with the new password; this one keeps its session.
            try await UserSession.query(on: db).filter(\.$user.$id == actor.userID)
                .filter(\.$id != (actor.sessionID ?? UUID())).delete()
            try await req.audit.on(db).record("auth.password_changed", entity: "user", id: actor.userID.uuidString,
                summary: "Пароль изменён пользователем")
        }
        return req.redirect(to: "/profile", flash: "profile.password_changed")
    }
}
