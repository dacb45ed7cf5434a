import Foundation

/// The fields of an application type as the back office types them on the admin screen: one field a line,
/// `key | Подпись | kind | * | вариант 1; вариант 2` — «*» marks a required field, the options are for `choice`.
/// A textarea of lines is something an operator can edit without a form builder, and it diffs well in the audit.
public enum ApplicationSchemaText {
    /// A line that cannot be read; `line` counts from 1 so the message matches what the administrator sees.
    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var key: String

        public init(line: Int, key: String) {
            self.line = line
            self.key = key
        }
    }

    /// Every wrong line of one text.
    public struct Problems: Error, Equatable, Sendable {
        public var items: [Problem]

        public init(_ items: [Problem]) {
            self.items = items
        }
    }

    public static let maxFields = 30

    /// Reads every non-blank line; all problems are reported at once, so the administrator fixes them in one go.
    public static func parse(_ text: String) -> Result<[ApplicationField], Problems> {
        var fields: [ApplicationField] = []
        var problems: [Problem] = []
        var keys: Set<String> = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            switch field(line) {
            case .success(let field):
                if keys.insert(field.key).inserted {
                    fields.append(field)
                } else {
                    problems.append(Problem(line: index + 1, key: "applications.schema.duplicate_key"))
                }
            case .failure(let key):
                problems.append(Problem(line: index + 1, key: key.rawValue))
            }
        }
        if problems.isEmpty && fields.isEmpty { problems.append(Problem(line: 1, key: "applications.schema.empty")) }
        if fields.count > maxFields { problems.append(Problem(line: maxFields + 1, key: "applications.schema.too_many")) }
        return problems.isEmpty ? .success(fields) : .failure(Problems(problems))
    }

    /// The text that `parse` reads back into the same fields.
    public static func format(_ fields: [ApplicationField]) -> String {
        fields.map { field in
            var parts = [field.key, field.label, field.kind.rawValue, field.required ? "*" : ""]
            if !field.options.isEmpty { parts.append(field.options.joined(separator: "; ")) }
            return parts.joined(separator: " | ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    enum LineProblem: String, Error {
        case key = "applications.schema.bad_key"
        case label = "applications.schema.no_label"
        case kind = "applications.schema.bad_kind"
        case options = "applications.schema.no_options"
        case required = "applications.schema.bad_required"
    }

    private static func field(_ line: String) -> Result<ApplicationField, LineProblem> {
        let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard ApplicationField.isValidKey(parts[0]) else { return .failure(.key) }
        guard parts.count >= 2, !parts[1].isEmpty, parts[1].count <= 200 else { return .failure(.label) }
        let kindText = parts.count >= 3 && !parts[2].isEmpty ? parts[2].lowercased() : "text"
        guard let kind = ApplicationField.Kind(rawValue: kindText) else { return .failure(.kind) }
        let marker = parts.count >= 4 ? parts[3] : ""
        guard ["", "*"].contains(marker) else { return .failure(.required) }
        let options = parts.count >= 5
            ? parts[4].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
        if kind == .choice && options.isEmpty { return .failure(.options) }
        return .success(ApplicationField(key: parts[0], label: parts[1], kind: kind, required: marker == "*",
                                         options: kind == .choice ? options : []))
    }
}
