import Foundation

/// Checks what the agent typed into an application form against the type's fields, and returns the answers as
/// they are stored: text trimmed, dates as ISO, choices exactly one of the options. Every problem is reported,
/// each under its field's key, so the form shows a message next to every wrong input at once.
public enum ApplicationAnswersValidator {
    public static let maxTextLength = 2000

    public enum Message: String, Sendable {
        case required = "applications.field.required"
        case tooLong = "applications.field.too_long"
        case date = "applications.field.bad_date"
        case choice = "applications.field.bad_choice"
    }

    /// `values`: text of the non-file inputs by key; `files`: keys of the file inputs that carry a file.
    public static func validate(_ fields: [ApplicationField], values: [String: String], files: Set<String>)
        -> (answers: [String: String], errors: [FieldError])
    {
        var answers: [String: String] = [:]
        var errors: [FieldError] = []
        for field in fields {
            let text = (values[field.key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let problem: Message?
            switch field.kind {
            case .file:
                problem = field.required && !files.contains(field.key) ? .required : nil
            case _ where text.isEmpty:
                problem = field.required ? .required : nil
            case .text:
                problem = text.count > maxTextLength ? .tooLong : nil
                if problem == nil { answers[field.key] = text }
            case .date:
                let date = CalendarDate(text)
                problem = date == nil ? .date : nil
                answers[field.key] = date?.iso
            case .choice:
                problem = field.options.contains(text) ? nil : .choice
                if problem == nil { answers[field.key] = text }
            }
            if let problem { errors.append(FieldError(field: field.key, key: problem.rawValue)) }
        }
        return (answers, errors)
    }
}
