import Vapor

/// Errors the portal shows to people. Each carries a localisation key, never internal detail, and the status
/// the error middleware answers with (HTML page or problem+json).
enum AppError: Error, Sendable {
    case notFound
    case forbidden
    case badCSRF
    case validation([FieldProblem])
    case message(HTTPStatus, key: String)

    var status: HTTPStatus {
        switch self {
        case .notFound: .notFound
        case .forbidden: .forbidden
        case .badCSRF: .forbidden
        case .validation: .unprocessableEntity
        case .message(let status, _): status
        }
    }

    var messageKey: String {
        switch self {
        case .notFound: "error.not_found"
        case .forbidden: "error.forbidden"
        case .badCSRF: "error.csrf"
        case .validation: "error.validation"
        case .message(_, let key): key
        }
    }
}

/// A problem with one form field: the field's name and the localisation key of the message shown next to it.
struct FieldProblem: Sendable, Codable, Equatable {
    var field: String
    var key: String
    var arguments: [String] = []
}
