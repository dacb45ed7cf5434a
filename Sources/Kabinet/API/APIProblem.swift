import HTTPTypes
import KabinetDomain
import OpenAPIRuntime
import Vapor

/// One API failure as status, title and field messages, rendered as `ErrorPagesMiddleware.Problem`.
struct APIProblem {
    var status: HTTPStatus
    var titleKey: String
    var fields: [ErrorPagesMiddleware.ProblemField] = []
    /// Only for requests the decoder could not read at all: what it stumbled over, for the integrator.
    var detail: String?
    var headers = HTTPHeaders()

    init(_ thrown: any Error, request: Request) {
        let error = Self.unwrap(thrown)
        switch error {
        case let rejection as QuoteRejection:
            status = .unprocessableEntity
            titleKey = "error.validation"
            fields = rejection.errors.map { .init(field: APIFieldNames.api($0.field), message: request.message($0)) }
        case let decoding as DecodingError:
            let problems = APIDecodingProblems.problems(decoding)
            status = problems.isEmpty ? .badRequest : .unprocessableEntity
            titleKey = problems.isEmpty ? "api.bad_request" : "error.validation"
            fields = Self.render(problems, request)
            detail = problems.isEmpty ? APIDecodingProblems.context(decoding)?.debugDescription : nil
        default:
            let (status, key, problems) = ErrorPagesMiddleware.classify(error)
            self.status = status
            titleKey = Self.statusTitles[status.code] ?? Self.apiTitles[key] ?? key
            fields = Self.render(problems, request)
        }
        if let abort = error as? any AbortError { headers = abort.headers }
    }

    func response(for request: Request) throws -> Response {
        let body = ErrorPagesMiddleware.Problem(
            type: "about:blank", title: request.t(titleKey), status: Int(status.code), detail: detail,
            errors: fields.isEmpty ? nil : fields)
        let response = Response(status: status, headers: headers)
        try response.content.encode(body, using: Self.encoder)
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }

    /// The generated server wraps everything in `ServerError`: a handler's own error is inside; the runtime's
    /// request errors (wrong content type, unacceptable `Accept`, missing body) carry their status.
    static func unwrap(_ error: any Error) -> any Error {
        guard let server = error as? ServerError else { return error }
        switch server.underlyingError {
        case is AppError, is any AbortError, is QuoteRejection, is DecodingError: return server.underlyingError
        default:
            let code = server.httpStatus.code
            return code < 500 ? Abort(HTTPResponseStatus(statusCode: code)) : server.underlyingError
        }
    }

    /// Keys in a fixed order, so the same problem always reads the same.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// In the order found, one message per field, as the form shows them.
    private static func render(_ problems: [FieldProblem], _ request: Request) -> [ErrorPagesMiddleware.ProblemField] {
        let messages = request.messages(for: problems)
        var seen: Set<String> = []
        return problems.compactMap { problem in
            guard seen.insert(problem.field).inserted, let message = messages[problem.field] else { return nil }
            return .init(field: problem.field, message: message)
        }
    }

    /// The web's generic texts speak of pages and logging in; an API client needs to hear about requests and tokens.
    private static let apiTitles = [
        "error.bad_request": "api.bad_request", "error.unauthorized": "api.unauthorized", "error.not_found": "api.not_found",
    ]
    private static let statusTitles: [UInt: String] = [
        405: "api.method_not_allowed", 406: "api.not_acceptable", 415: "api.unsupported_media_type",
    ]
}
