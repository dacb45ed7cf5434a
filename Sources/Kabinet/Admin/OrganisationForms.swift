import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The forms of the organisation page as posted. Every field is optional text, so a missing or mistyped field
/// comes back as a message next to that field instead of a decoding error page.
enum OrganisationForm {
    struct Channel: Content {
        var code: String?
        var name: String?
    }

    struct Agency: Content {
        var channel: String?
        var name: String?
        var inn: String?
    }

    struct Agreement: Content {
        var agency: String?
        var number: String?
        var startsOn: String?
        var endsOn: String?
    }

    struct Office: Content {
        var agency: String?
        var name: String?
    }

    struct Rename: Content {
        var name: String?
    }
}

/// Checks of the organisation forms. They return every problem at once, so one submit shows all the messages.
enum OrganisationRules {
    /// Channel codes are short Latin tags (DSF, CUP, CKP): they go into reports and file names.
    static func channelCodeProblem(_ code: String) -> FieldProblem? {
        let valid = (2...16).contains(code.count)
            && code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_" || $0 == "-") }
        return valid ? nil : FieldProblem(field: "code", key: "admin.org.channel.code_invalid")
    }

    /// The «Номер АД» is printed on contracts and matched by the back-office system, so digits only.
    static func agreementNumberProblem(_ number: String) -> FieldProblem? {
        let valid = (1...20).contains(number.count) && number.allSatisfy { $0.isASCII && $0.isNumber }
        return valid ? nil : FieldProblem(field: "number", key: "admin.org.agreement.number_invalid")
    }

    /// ИНН is optional; when given it must be 10 or 12 digits with matching check digits.
    static func innProblem(_ inn: String) -> FieldProblem? {
        guard !inn.isEmpty, let problem = TaxpayerNumber.problem(inn) else { return nil }
        return FieldProblem(field: "inn", key: problem.rawValue)
    }

    static func nameProblem(_ name: String, field: String = "name") -> FieldProblem? {
        if name.isEmpty { return FieldProblem(field: field, key: "field.required") }
        if name.count > 200 { return FieldProblem(field: field, key: "admin.org.name_too_long") }
        return nil
    }
}
