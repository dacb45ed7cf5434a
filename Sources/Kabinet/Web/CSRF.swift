import Vapor

/// Double-submit protection for every form: a random token in an HttpOnly, SameSite cookie must come back in the
/// form's `_csrf` field (or the `X-CSRF-Token` header). A page on another site can neither read the cookie nor
/// guess the token. The JSON API authenticates with bearer tokens, not cookies, so it is exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookieName = "kabinet_csrf"
    static let fieldName = "_csrf"
    let secureCookies: Bool
    let exemptPrefixes: [String]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Exempt paths (the API, payment callbacks) show no forms: no token to make, no cookie to set.
        if exemptPrefixes.contains(where: request.url.path.hasPrefix) { return try await next.respond(to: request) }
        let existing = request.cookies[Self.cookieName]?.string
        let token = (existing?.count == 43) ? existing! : SecretToken.generate()
        request.csrfToken = token
        if Self.isUnsafe(request.method) {
            let sent = request.headers.first(name: "X-CSRF-Token") ?? (try? request.content.get(String.self, at: Self.fieldName))
            guard let existing, let sent, SecretToken.constantTimeEquals(existing, sent) else {
                request.logger.notice("CSRF check failed", metadata: ["path": .string(request.url.path)])
                throw AppError.badCSRF
            }
        }
        let response = try await next.respond(to: request)
        if existing != token {
            response.cookies[Self.cookieName] = HTTPCookies.Value(
                string: token, path: "/", isSecure: secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        return response
    }

    static func isUnsafe(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }
}

extension Request {
    private struct CSRFKey: StorageKey { typealias Value = String }

    var csrfToken: String? {
        get { storage[CSRFKey.self] }
        set { storage[CSRFKey.self] = newValue }
    }
}
