import Vapor

extension Request {
    /// Field problems as `field → message` in the request's language, for the message next to each field.
    func messages(for problems: [FieldProblem]) -> [String: String] {
        var result: [String: String] = [:]
        for problem in problems where result[problem.field] == nil {
            result[problem.field] = application.localization.text(problem.key, locale: locale, problem.arguments)
        }
        return result
    }

    /// A local path to go back to after a form, refusing anything that would leave the site.
    func safeReturnPath(_ candidate: String?, fallback: String = "/") -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\") else {
            return fallback
        }
        return candidate
    }
}
