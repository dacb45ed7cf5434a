import Fluent
import KabinetDomain
import Vapor

/// «Восстановить доступ»: an e-mailed single-use link, valid one hour. The answer is the same whether or not the
/// login exists, so the page cannot be used to find out who has an account.
struct RecoveryController: RouteCollection {
    /// At most this many recovery e-mails per account per hour, so the form cannot be used to flood a mailbox.
    static let hourlyLimit = 3

    func boot(routes: any RoutesBuilder) throws {
        routes.get("recover", use: show)
        routes.post("recover", use: submit)
    }

    struct RecoverForm: Content {
        var login: String?
    }

    struct RecoverContent: Encodable {
        var login: String
        var sent: Bool
        var error: String?
    }

    func show(req: Request) async throws -> Response {
        try await req.page("access/recover", title: "recover.title", RecoverContent(login: "", sent: false))
    }

    func submit(req: Request) async throws -> Response {
        let input = (try req.content.decode(RecoverForm.self).login ?? "").trimmed
        guard !input.isEmpty else {
            return try await req.page("access/recover", title: "recover.title",
                RecoverContent(login: "", sent: false, error: req.t("recover.empty")), status: .unprocessableEntity)
        }
        let normalized = User.normalize(login: input)
        let user = try await User.query(on: req.db)
            .group(.or) { $0.filter(\.$login == normalized).filter(\.$email == input) }
            .first()
        if let user, user.status != .blocked, try await recentRequests(for: user, on: req.db) < Self.hourlyLimit {
            try await req.db.transaction { db in
                let secret = try await LinkTokens(database: db).issue(.recovery, for: try user.requireID())
                let settings = req.application.settings
                let letter = AccountLetters(settings: settings, localization: req.application.localization)
                    .recovery(of: user, link: "\(settings.baseURL)/reset/\(secret)")
                try await Outbox(database: db).email(to: user.email, subject: letter.subject, text: letter.text)
                try await req.audit.on(db).record("auth.recovery_requested", entity: "user", id: user.id?.uuidString,
                    summary: "Запрошено восстановление доступа: \(user.login)")
            }
        }
        return try await req.page("access/recover", title: "recover.title", RecoverContent(login: "", sent: true))
    }

    private func recentRequests(for user: User, on db: any Database) async throws -> Int {
        try await LinkToken.query(on: db)
            .filter(\.$user.$id == user.requireID())
            .filter(\.$purpose == .recovery)
            .filter(\.$createdAt > Date().addingTimeInterval(-3600))
            .count()
    }
}

/// The page behind a recovery or invitation link: choose a password, then log in.
struct SetPasswordController: RouteCollection {
    let purpose: LinkToken.Purpose
    var path: PathComponent { purpose == .recovery ? "reset" : "invite" }
    var titleKey: String { purpose == .recovery ? "set_password.title.recovery" : "set_password.title.invitation" }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(path, ":token", use: show)
        routes.post(path, ":token", use: submit)
    }

    struct PasswordForm: Content {
        var password: String?
        var confirmation: String?
    }

    struct SetPasswordContent: Encodable {
        var login: String
        var action: String
        var errors: [String: String]
        var policy: String
    }

    func show(req: Request) async throws -> Response {
        let token = try await validToken(req)
        guard case .valid(let link) = token.lookup else { return try await problemPage(token.lookup, req: req) }
        let user = try await link.$user.get(on: req.db)
        return try await req.page("access/set_password", title: titleKey,
            SetPasswordContent(login: user.login, action: req.url.path, errors: [:], policy: req.t("password.policy")))
    }

    func submit(req: Request) async throws -> Response {
        let token = try await validToken(req)
        guard case .valid(let link) = token.lookup else { return try await problemPage(token.lookup, req: req) }
        let user = try await link.$user.get(on: req.db)
        guard user.status != .blocked else { return try await problemPage(.unknown, req: req) }
        let form = try req.content.decode(PasswordForm.self)
        let password = form.password ?? ""
        if let violation = PasswordPolicy().check(password, confirmation: form.confirmation ?? "", login: user.login) {
            let field = violation == .mismatch ? "confirmation" : "password"
            return try await req.page("access/set_password", title: titleKey,
                SetPasswordContent(login: user.login, action: req.url.path,
                    errors: req.messages(for: [FieldProblem(field: field, key: violation.rawValue)]),
                    policy: req.t("password.policy")),
                status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(password)
        let consumed = try await req.db.transaction { db -> Bool in
            guard try await LinkTokens(database: db).consume(link) else { return false }
            user.passwordHash = hash
            user.status = .active
            user.failedLogins = 0
            user.firstFailedAt = nil
            user.lockedUntil = nil
            try await user.save(on: db)
            try await SessionStore.endAll(userID: try user.requireID(), on: db)
            try await req.audit.on(db).record(
                purpose == .recovery ? "auth.password_reset" : "auth.invitation_accepted", entity: "user",
                id: user.id?.uuidString, summary: "Пароль задан по ссылке: \(user.login)")
            return true
        }
        guard consumed else { return try await problemPage(.used, req: req) }
        return req.redirect(to: "/login", flash: "set_password.done")
    }

    private func validToken(_ req: Request) async throws -> (secret: String, lookup: LinkTokens.Lookup) {
        let secret = req.parameters.get("token") ?? ""
        return (secret, try await LinkTokens(database: req.db).find(secret, purpose: purpose))
    }

    private func problemPage(_ lookup: LinkTokens.Lookup, req: Request) async throws -> Response {
        let key: String
        switch lookup {
        case .expired: key = "link.expired"
        case .used: key = "link.used"
        case .unknown, .valid: key = "link.invalid"
        }
        let next = [LinkProblemPage.Link(href: "/recover", label: req.t("link.request_new")),
                    LinkProblemPage.Link(href: "/login", label: req.t("recover.back"))]
        return try await LinkProblemPage(message: req.t(key), testID: "link-problem", links: next)
            .render(req, title: titleKey, status: .gone)
    }
}
