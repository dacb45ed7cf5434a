import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Creates, resolves and ends login sessions. «Запомнить» keeps a session 30 days; otherwise the cookie lives
/// as long as the browser and the server forgets the session after 12 idle hours.
enum SessionStore {
    static let cookieName = "kabinet_session"
    static let rememberedLifetime: TimeInterval = 30 * 24 * 3600
    static let browserLifetime: TimeInterval = 12 * 3600
    /// Writing `last_seen_at` on every request would make every page a write; once in a while is enough.
    static let touchInterval: TimeInterval = 300

    /// Starts a session for the user and returns the cookie to set.
    static func start(for user: User, remember: Bool, on req: Request, secure: Bool) async throws -> HTTPCookies.Value {
        let token = SecretToken.generate()
        let lifetime = remember ? rememberedLifetime : browserLifetime
        let session = UserSession(
            tokenHash: SecretToken.hash(token), userID: try user.requireID(), remember: remember,
            expiresAt: Date().addingTimeInterval(lifetime), ip: req.clientIP,
            userAgent: req.headers.first(name: .userAgent).map { String($0.prefix(300)) })
        try await session.create(on: req.db)
        return cookie(token, maxAge: remember ? Int(lifetime) : nil, secure: secure)
    }

    static func cookie(_ value: String, maxAge: Int?, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, expires: maxAge.map { Date().addingTimeInterval(TimeInterval($0)) }, maxAge: maxAge,
            path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    static func expiredCookie(secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/",
            isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }

    /// Finds the live session behind a cookie value and the active user who owns it.
    static func resolve(token: String, on db: any Database) async throws -> (UserSession, User)? {
        guard let session = try await UserSession.query(on: db)
            .filter(\.$tokenHash == SecretToken.hash(token))
            .with(\.$user)
            .first()
        else { return nil }
        let now = Date()
        guard session.expiresAt > now, session.user.status == .active else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > touchInterval {
            session.lastSeenAt = now
            if !session.remember { session.expiresAt = now.addingTimeInterval(browserLifetime) }
            try await session.save(on: db)
        }
        return (session, session.user)
    }

    static func end(token: String, on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$tokenHash == SecretToken.hash(token)).delete()
    }

    /// Ends every session of a user: after a password change, a block or a role change.
    static func endAll(userID: UUID, on db: any Database) async throws {
        try await UserSession.query(on: db).filter(\.$user.$id == userID).delete()
    }
}
