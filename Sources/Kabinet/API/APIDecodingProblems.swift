import Vapor

/// Field problems for a request the generated decoder refused: a missing property, a wrong type, a value outside an
/// enum, a property the document does not know. Such JSON is well-formed but invalid, so it is answered like any
/// other invalid input (422 with a message per field); only an unreadable body has no field and is a 400.
enum APIDecodingProblems {
    static func problems(_ error: DecodingError) -> [FieldProblem] {
        switch error {
        case .keyNotFound(let key, let context):
            return [FieldProblem(field: path(context.codingPath + [key]), key: "api.field.required")]
        case .valueNotFound(_, let context):
            return field(context, key: "api.field.required")
        case .typeMismatch(_, let context):
            return field(context, key: "api.field.type")
        case .dataCorrupted(let context):
            let unknown = context.debugDescription.hasPrefix("Additional properties")
            return field(context, key: unknown ? "api.field.unknown" : "api.field.invalid")
        @unknown default:
            return []
        }
    }

    static func context(_ error: DecodingError) -> DecodingError.Context? {
        switch error {
        case .keyNotFound(_, let context), .valueNotFound(_, let context), .typeMismatch(_, let context),
            .dataCorrupted(let context):
            return context
        @unknown default:
            return nil
        }
    }

    private static func field(_ context: DecodingError.Context, key: String) -> [FieldProblem] {
        context.codingPath.isEmpty ? [] : [FieldProblem(field: path(context.codingPath), key: key)]
    }

    /// `risks[2]`, `insured.lastName`: the property as the document names it.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
