import Foundation
import Vapor

/// Reads the session cookie on every request and, when it names a live session, puts the `Actor` on the request.
struct SessionAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[SessionStore.cookieName]?.string, !token.isEmpty,
            let (session, user) = try await SessionStore.resolve(token: token, on: request.db)
        {
            request.optionalActor = try await ActorLoader.load(user, sessionID: session.id, on: request.db)
        }
        return try await next.respond(to: request)
    }
}

/// Sends visitors who are not logged in to the login page (or answers 401 to non-page requests).
struct RequireLogin: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.optionalActor == nil else { return try await next.respond(to: request) }
        if request.method == .GET, request.wantsHTML {
            let target = request.url.string
            let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
            return request.redirect(to: "/login?next=\(encoded)")
        }
        throw Abort(.unauthorized)
    }
}

extension Request {
    /// Browsers ask for HTML; API clients and scripts do not.
    var wantsHTML: Bool {
        headers.accept.contains { $0.mediaType == .html } || headers.first(name: .accept) == nil
    }
}
