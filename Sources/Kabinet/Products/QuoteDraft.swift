import Foundation
import KabinetDomain

/// What «Оформить» sends: the calculation form plus what only saving needs — the agency agreement («Номер АД»)
/// and the insured's names. The JSON API posts the same shape.
struct QuoteDraft: Codable, Sendable {
    var input: QuoteInput
    var agreementNumber: String?
    var lastName: String?
    var firstName: String?
    var middleName: String?
    /// «Является Страхователем».
    var isPolicyholder: Bool
}

/// The insured's names as saved: trimmed, with the field errors of the ones that cannot be saved.
struct InsuredNames: Sendable, Equatable {
    static let maxLength = 100

    var lastName: String
    var firstName: String
    var middleName: String?

    /// Checks «Фамилия» and «Имя» (required) and «Отчество» (optional): letters of any alphabet, spaces, hyphens
    /// and apostrophes («Мамин-Сибиряк», «O'Neil»), at most `maxLength` characters.
    static func check(_ draft: QuoteDraft) -> (names: InsuredNames, errors: [FieldError]) {
        var errors: [FieldError] = []
        func name(_ raw: String?, _ field: QuoteField, required: Bool) -> String {
            let text = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                if required { errors.append(FieldError(field, .pricingRequired)) }
            } else if !isName(text) {
                errors.append(FieldError(field, .pricingNameInvalid, ["max": String(maxLength)]))
            }
            return text
        }
        let names = InsuredNames(
            lastName: name(draft.lastName, .lastName, required: true),
            firstName: name(draft.firstName, .firstName, required: true),
            middleName: Optional(name(draft.middleName, .middleName, required: false)).flatMap { $0.isEmpty ? nil : $0 })
        return (names, errors)
    }

    static func isName(_ text: String) -> Bool {
        text.count <= maxLength && text.first?.isLetter == true
            && text.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
    }
}
