import Vapor

/// Turns every error into either a page in the user's language or RFC 9457 problem+json for the API.
/// Internal details never reach the client; server errors are logged with the request id.
struct ErrorPagesMiddleware: AsyncMiddleware {
    struct ErrorContent: Encodable {
        var status: Int
        var message: String
    }

    struct Problem: Content {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var errors: [ProblemField]?
    }

    struct ProblemField: Content {
        var field: String
        var message: String
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let (status, key, fields) = Self.classify(error)
            if status.code >= 500 {
                request.logger.report(error: error)
            }
            if request.url.path.hasPrefix("/api/") || !request.wantsHTML {
                return try problem(status: status, key: key, fields: fields, request: request)
            }
            do {
                return try await request.page(
                    "errors/error", title: key, ErrorContent(status: Int(status.code), message: request.t(key)),
                    status: status)
            } catch {
                request.logger.report(error: error)
                return Response(status: status, body: .init(string: request.t(key)))
            }
        }
    }

    static func classify(_ error: any Error) -> (HTTPStatus, String, [FieldProblem]) {
        switch error {
        case let error as AppError:
            if case .validation(let fields) = error { return (error.status, error.messageKey, fields) }
            return (error.status, error.messageKey, [])
        case let abort as any AbortError:
            let status = abort.status
            switch status {
            case .notFound: return (status, "error.not_found", [])
            case .unauthorized: return (status, "error.unauthorized", [])
            case .forbidden: return (status, "error.forbidden", [])
            case .payloadTooLarge: return (status, "error.too_large", [])
            case .badRequest, .unprocessableEntity, .unsupportedMediaType: return (status, "error.bad_request", [])
            case .tooManyRequests: return (status, "error.too_many", [])
            default: return status.code >= 500 ? (status, "error.server", []) : (status, "error.bad_request", [])
            }
        case is DecodingError:
            return (.badRequest, "error.bad_request", [])
        default:
            return (.internalServerError, "error.server", [])
        }
    }

    private func problem(status: HTTPStatus, key: String, fields: [FieldProblem], request: Request) throws -> Response {
        let body = Problem(
            type: "about:blank", title: request.t(key), status: Int(status.code), detail: nil,
            errors: fields.isEmpty ? nil : fields.map {
                ProblemField(field: $0.field, message: request.application.localization.text($0.key, locale: request.locale, $0.arguments))
            })
        let response = Response(status: status)
        try response.content.encode(body, as: .json)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }
}
