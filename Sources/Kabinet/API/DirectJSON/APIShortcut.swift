import HTTPTypes
import OpenAPIRuntime

/// An operation answered without the generated server's generic JSON coders, for calls of the ordinary kind:
/// a JSON body of a declared length within the gate's bound, `Accept` absent or JSON, a body the strict reader
/// (`FlatJSONObject`) understands, and a successful answer.
///
/// Anything else — any other header, body or outcome, errors included — goes to the generated handler with the
/// same bytes, which answers exactly as it would have: errors keep their one documented shape, and an answer
/// never depends on which road it took. So a shortcut may only wrap an operation without side effects.
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
        guard Self.isPlainJSONCall(request), let body, case .known(let length) = body.length,
            length <= Int64(APIRequestGate.maxBodyBytes)
        else { return try await generated(body) }
        let bytes = try await ArraySlice<UInt8>(collecting: body, upTo: Int(length))
        guard let json = await answer(bytes) else { return try await generated(HTTPBody(bytes)) }
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
