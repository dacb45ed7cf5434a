import Vapor

/// Checks an API call before any handler runs.
///
/// - `Accept`: every operation answers `application/json`. The generated server would only notice an unacceptable
///   `Accept` after the handler ran — after a quote was already saved — so it is refused here first, with 406.
/// - Body size: the generated server reads a body to its end whatever its size; reading it here, bounded, turns an
///   oversized one into 413 before it fills memory.
struct APIRequestGate: AsyncMiddleware {
    static let maxBodyBytes = 256 * 1024

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.acceptsJSON(request.headers.first(name: .accept)) else { throw Abort(.notAcceptable) }
        if request.method == .POST || request.method == .PUT || request.method == .PATCH {
            if let declared = request.headers.first(name: .contentLength).flatMap(Int.init), declared >= 0 {
                // The HTTP parser delivers exactly the declared length, so a declared length within the bound
                // needs no collecting here (which would cost the request a round trip through the event loop).
                if declared > Self.maxBodyBytes { throw Abort(.payloadTooLarge) }
            } else {
                let body = try await request.body.collect(max: Self.maxBodyBytes).get()
                // A body that arrived already collected skipped the bound above.
                if (body?.readableBytes ?? 0) > Self.maxBodyBytes { throw Abort(.payloadTooLarge) }
            }
        }
        return try await next.respond(to: request)
    }

    /// No header, `*/*`, `application/*` and `application/json` (with any parameters) accept JSON.
    static func acceptsJSON(_ header: String?) -> Bool {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        return header.split(separator: ",").contains { range in
            let type = range.split(separator: ";", omittingEmptySubsequences: false)[0]
                .trimmingCharacters(in: .whitespaces).lowercased()
            return type == "*/*" || type == "application/*" || type == "application/json"
        }
    }
}
