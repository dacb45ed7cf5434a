import Vapor

/// Answers every failure of an API call — from the generated server, the token check or a handler — with the one
/// documented RFC 9457 problem+json shape, and picks the message language from `Accept-Language`.
///
/// The web's `ErrorPagesMiddleware` would turn the generated server's wrapped errors into 500s and cannot carry
/// headers such as the 401 challenge or 405's `Allow`, so API calls get their answer here, built from the same
/// classification and `Problem` type.
struct APIErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        Self.applyAcceptLanguage(to: request)
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = APIProblem(error, request: request)
            if problem.status.code >= 500 { request.logger.report(error: error) }
            return try problem.response(for: request)
        }
    }

    /// API clients keep no language cookie; `Accept-Language: en` chooses English messages unless the cookie says
    /// otherwise.
    static func applyAcceptLanguage(to request: Request) {
        guard request.cookies[Request.localeCookie] == nil,
            let header = request.headers.first(name: .acceptLanguage)
        else { return }
        let preferred = header.split(separator: ",").lazy
            .map { $0.split(separator: ";")[0].split(separator: "-")[0].trimmingCharacters(in: .whitespaces).lowercased() }
            .first { Localization.supported.contains($0) }
        if let preferred { request.cookies[Request.localeCookie] = HTTPCookies.Value(string: preferred) }
    }
}
