import Fluent
import KabinetDomain
import Vapor

/// The login page of seed 000: «Логин», «Пароль», «Запомнить», «Войти», «Восстановить доступ».
struct LoginController: RouteCollection {
    static let throttle = LoginThrottle()

    func boot(routes: any RoutesBuilder) throws {
        routes.get("login", use: show)
        routes.post("login", use: submit)
        routes.post("logout", use: logout)
    }

    struct LoginForm: Content {
        var login: String?
        var password: String?
        var remember: String?
        var next: String?
    }

    struct LoginContent: Encodable {
        var login: String
        var remember: Bool
        var next: String
        var error: String?
    }

    func show(req: Request) async throws -> Response {
        if req.optionalActor != nil { return req.redirect(to: "/") }
        let next = req.safeReturnPath(try? req.query.get(String.self, at: "next"))
        return try await req.page("access/login", title: "login.title", LoginContent(login: "", remember: false, next: next))
    }

    func submit(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let login = User.normalize(login: form.login ?? "")
        let password = form.password ?? ""
        let remember = form.remember != nil
        let next = req.safeReturnPath(form.next)
        func refuse(_ key: String, _ arguments: String...) async throws -> Response {
            let message = req.application.localization.text(key, locale: req.locale, arguments)
            return try await req.page("access/login", title: "login.title",
                LoginContent(login: form.login ?? "", remember: remember, next: next, error: message), status: .unauthorized)
        }
        guard !login.isEmpty, !password.isEmpty,
            let user = try await User.query(on: req.db).filter(\.$login == login).first()
        else {
            // Spend the same time as a real check so response times do not reveal which logins exist.
            _ = try? await req.password.async.verify(password, created: Self.timingDummyHash)
            try await req.audit.record("auth.login_failed", entity: "user", id: nil, summary: "Неудачный вход: \(login.prefix(64))")
            return try await refuse("login.failed")
        }
        let now = Date()
        if Self.throttle.isLocked(Self.state(of: user), now: now) {
            try await req.audit.record("auth.login_locked", entity: "user", id: user.id?.uuidString, summary: "Вход при блокировке: \(user.login)")
            return try await refuse("login.locked", Self.minutesLeft(user, now: now))
        }
        let verified = try await user.passwordHash.asyncMap { try await req.password.async.verify(password, created: $0) } ?? false
        guard verified else {
            return try await recordFailure(user, now: now, req: req, refuse: refuse)
        }
        guard user.status == .active else {
            return try await refuse("login.blocked")
        }
        user.failedLogins = 0
        user.firstFailedAt = nil
        user.lockedUntil = nil
        user.lastLoginAt = now
        try await user.save(on: req.db)
        let cookie = try await SessionStore.start(for: user, remember: remember, on: req, secure: req.application.settings.secureCookies)
        req.optionalActor = try await ActorLoader.load(user, sessionID: nil, on: req.db)
        try await req.audit.record("auth.login", entity: "user", id: user.id?.uuidString,
            summary: "Вход \(user.login)" + (remember ? " (запомнить)" : ""))
        let response = req.redirect(to: next)
        response.cookies[SessionStore.cookieName] = cookie
        return response
    }

    private func recordFailure(
        _ user: User, now: Date, req: Request, refuse: (String, String...) async throws -> Response
    ) async throws -> Response {
        let next = Self.throttle.recordingFailure(Self.state(of: user), now: now)
        user.failedLogins = next.failures
        user.firstFailedAt = next.firstFailureAt
        user.lockedUntil = next.lockedUntil
        try await user.save(on: req.db)
        try await req.audit.record("auth.login_failed", entity: "user", id: user.id?.uuidString, summary: "Неверный пароль: \(user.login)")
        if Self.throttle.isLocked(next, now: now) {
            try await req.audit.record("auth.lockout", entity: "user", id: user.id?.uuidString,
                summary: "Вход заблокирован на 15 минут после 5 неудачных попыток: \(user.login)")
            // The owner should know someone is guessing their password, and that recovery lifts the lock.
            try await Notifier(database: req.db).notify(
                try user.requireID(), kind: "security.lockout", titleKey: "notification.lockout.title",
                bodyKey: "notification.lockout.body", link: "/profile")
            return try await refuse("login.locked", Self.minutesLeft(user, now: now))
        }
        return try await refuse("login.failed")
    }

    func logout(req: Request) async throws -> Response {
        if let token = req.cookies[SessionStore.cookieName]?.string {
            try await SessionStore.end(token: token, on: req.db)
        }
        if req.optionalActor != nil {
            try await req.audit.record("auth.logout", entity: "user", id: req.optionalActor?.userID.uuidString, summary: "Выход")
        }
        let response = req.redirect(to: "/login")
        response.cookies[SessionStore.cookieName] = SessionStore.expiredCookie(secure: req.application.settings.secureCookies)
        return response
    }

    static func state(of user: User) -> LoginThrottle.State {
        LoginThrottle.State(failures: user.failedLogins, firstFailureAt: user.firstFailedAt, lockedUntil: user.lockedUntil)
    }

    static func minutesLeft(_ user: User, now: Date) -> String {
        let seconds = max(0, user.lockedUntil?.timeIntervalSince(now) ?? 0)
        return String(max(1, Int((seconds / 60).rounded(.up))))
    }

    /// A bcrypt hash of a random string, used only to spend time on unknown logins.
    static let timingDummyHash: String = (try? Bcrypt.hash(SecretToken.generate(), cost: 12)) ?? ""
}
