import Vapor

/// Authenticates API calls by `Authorization: Bearer <token>` only, and runs the rest of the chain with the
/// request bound to `APIContext`.
///
/// The session cookie is deliberately ignored here: the API is exempt from CSRF checks, so a browser's cookie must
/// not be able to act through it. Without a valid token the actor stays empty and every operation except `ping`
/// answers 401.
struct APITokenAuthenticator: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        request.optionalActor = nil
        if let secret = request.headers.bearerAuthorization?.token {
            let hash = SecretToken.hash(secret)
            let cache = request.application.apiActorCache
            if let actor = cache.actor(forTokenHash: hash) {
                request.optionalActor = actor
            } else if let user = try await APITokens.resolve(secret, on: request.db) {
                let actor = try await ActorLoader.load(user, sessionID: nil, on: request.db)
                cache.remember(actor, forTokenHash: hash)
                request.optionalActor = actor
            }
        }
        return try await APIContext.$request.withValue(request) {
            try await next.respond(to: request)
        }
    }
}
