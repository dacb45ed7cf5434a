import Vapor

/// One-time messages shown after a redirect («Пользователь создан»). The cookie holds a localisation key only,
/// never user data, so it cannot be used to inject text into a page.
enum Flash {
    static let cookieName = "kabinet_flash"

    static func set(_ key: String, on response: Response) {
        response.cookies[cookieName] = HTTPCookies.Value(string: key, maxAge: 60, path: "/", isHTTPOnly: true, sameSite: .lax)
    }

    /// Reads the pending message and clears it on the response being built.
    static func take(from request: Request) -> String? {
        guard let key = request.cookies[cookieName]?.string, !key.isEmpty else { return nil }
        return key
    }
}

extension Request {
    /// Redirects after a successful POST with a flash message.
    func redirect(to path: String, flash key: String) -> Response {
        let response = redirect(to: path)
        Flash.set(key, on: response)
        return response
    }
}
