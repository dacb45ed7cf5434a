import HTTPTypes
import OpenAPIRuntime

/// An operation answered without the generated server's generic JSON coders, for calls of the ordinary kind:
/// a JSON body that arrived whole, `Accept` absent or JSON, a body the strict reader (`FlatJSONObject`)
/// understands, and a successful answer.
///
/// Anything else — any other header, body or outcome, errors included — goes to the generated handler with the
/// body untouched, which answers exactly as it would have: errors keep their one documented shape, and an
/// answer never depends on which road it took. So a shortcut may only wrap an operation without side effects.
struct APIShortcut: Sendable {
    let method: HTTPRequest.Method
    /// The full path as the generated server registers it (`/api/v1/…`).
    let path: String
    /// The 200 answer's JSON for the body, or nil to leave the call to the generated handler.
    let answer: @Sendable (ArraySlice<UInt8>) async -> [UInt8]?

    func respond(
        to request: HTTPRequest, body: HTTPBody?,
        otherwise generated: (HTTPBody?) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        // A body that arrived whole is already in memory on the Vapor request: read there, it stays unread for
        // the generated handler, and the call skips setting up the streamed reading. A body still arriving in
        // parts goes the generated way.
        guard Self.isPlainJSONCall(request), let collected = APIContext.request?.body.data,
            collected.readableBytes <= APIRequestGate.maxBodyBytes,
            let json = await answer(Array(collected.readableBytesView)[...])
        else { return try await generated(body) }
        // The headers the generated server sets on a JSON answer.
        var response = HTTPResponse(status: .ok)
        response.headerFields[.contentType] = "application/json; charset=utf-8"
        response.headerFields[.contentLength] = String(json.count)
        return (response, HTTPBody(json[...]))
    }

    /// `Content-Type` JSON and `Accept` absent or plainly JSON; other forms are left to the runtime's parsing.
    static func isPlainJSONCall(_ request: HTTPRequest) -> Bool {
        guard let contentType = request.headerFields[.contentType]?.lowercased(),
            ["application/json", "application/json; charset=utf-8", "application/json;charset=utf-8"].contains(contentType)
        else { return false }
        guard let accept = request.headerFields[.accept] else { return true }
        return ["application/json", "*/*", "application/*"].contains(accept.lowercased())
    }
}
