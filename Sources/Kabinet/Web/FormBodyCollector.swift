import Vapor

/// Reads a posted form's whole body before the CSRF check looks for its `_csrf` field.
///
/// Vapor hands a body that arrives in several network reads (a file upload, a long form) to the route as a stream,
/// and a stream has no fields the CSRF middleware could read, so such a form was refused as «Страница устарела».
/// Collecting here, with the same size limit as the routes, makes every form work whatever its size. The JSON API
/// (exempt from CSRF) keeps streaming.
struct FormBodyCollector: AsyncMiddleware {
    let exemptPrefixes: [String]
    /// Routes that take files larger than the default limit, by the end of their path (the agent's scans).
    var largeUploadSuffixes: [String: Int] = [:]

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if CSRFMiddleware.isUnsafe(request.method), request.body.data == nil,
           !exemptPrefixes.contains(where: request.url.path.hasPrefix)
        {
            let path = request.url.path
            let limit = largeUploadSuffixes.first { path.hasSuffix($0.key) }?.value
                ?? request.application.routes.defaultMaxBodySize.value
            _ = try await request.body.collect(max: limit).get()
        }
        return try await next.respond(to: request)
    }
}
