import Vapor

/// The Vapor request behind the generated API handlers.
///
/// The generated `APIProtocol` methods receive only their typed input; the database, the audit writer and the
/// caller live on the Vapor request. `APITokenAuthenticator` binds the request to this task-local for the time
/// the handler runs (swift-openapi-vapor's request-injection pattern).
enum APIContext {
    @TaskLocal static var request: Request?

    /// The request of the running API call; its absence is a wiring mistake, not a client error.
    static func current() throws -> Request {
        guard let request else { throw Abort(.internalServerError, reason: "API handler ran outside APITokenAuthenticator") }
        return request
    }

    /// The request and the token's user; 401 with a Bearer challenge when the call carried no valid token.
    static func authenticated() throws -> (Request, Actor) {
        let request = try current()
        guard let actor = request.optionalActor else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer realm=\"kabinet\""])
        }
        return (request, actor)
    }
}
