import Foundation

/// Everything wrong with a client form, one message per field, never stopping at the first problem. The name
/// and contact rules are the contract's (`PersonName`, `EmailAddress`, `RussianPhoneNumber`), so a client
/// accepted here is never refused when the agent issues a contract to them.
public enum ClientValidator {
    /// Field names as the form posts them; also the keys of the messages next to each field.
    public enum Field: String, CaseIterable, Sendable {
        case lastName, firstName, middleName, birthDate, email, documentKind, documentNumber, documentIssueDate
        case phone, code, comment
    }

    public static let maxCommentLength = 1000

    /// The client, or the problems (`FieldError.key` is a localisation key under `clients.error.`).
    public static func validate(_ input: ClientInput, today: CalendarDate) -> Result<ClientDetails, ClientRejection> {
        var errors: [FieldError] = []
        func add(_ field: Field, _ key: String, _ arguments: [String: String] = [:]) {
            errors.append(FieldError(field: field.rawValue, key: "clients.error.\(key)", arguments: arguments))
        }
        for (field, text) in [(Field.lastName, input.lastName), (.firstName, input.firstName), (.middleName, input.middleName)] {
            switch PersonName.problem(text) {
            case .empty: add(field, "required")
            case .characters: add(field, "name")
            case nil where text.trimmed.count > ContractPersonValidator.maxNameLength: add(field, "too_long")
            case nil: break
            }
        }
        let birth = CalendarDate(input.birthDate)
        if input.birthDate.trimmed.isEmpty {
            add(.birthDate, "required")
        } else if let birth {
            if birth > today { add(.birthDate, "birth_future") }
            if birth < ContractPersonValidator.earliestBirthDate { add(.birthDate, "birth_too_early") }
        } else {
            add(.birthDate, "date")
        }
        let email = input.email.trimmed
        if email.isEmpty { add(.email, "required") } else if !EmailAddress.isValid(email) { add(.email, "email") }
        let document = validateDocument(input, birth: birth, today: today, add: add)
        var phone: RussianPhoneNumber?
        if input.withPhone {
            switch RussianPhoneNumber.parseMobile(input.phone) {
            case .success(let number): phone = number
            case .failure(.empty): add(.phone, "required")
            case .failure(.notMobile): add(.phone, "phone_mobile")
            case .failure(.format): add(.phone, "phone")
            }
        }
        if input.comment.count > maxCommentLength { add(.comment, "too_long") }
        guard errors.isEmpty, let birth else { return .failure(ClientRejection(errors: errors)) }
        return .success(ClientDetails(
            lastName: input.lastName.trimmed, firstName: input.firstName.trimmed, middleName: input.middleName.trimmed,
            birthDate: birth, email: email, document: document, phone: phone, comment: input.comment.trimmed))
    }

    /// «Документ» is optional; once a kind is chosen, «Серия и номер» is required and must fit the kind.
    private static func validateDocument(_ input: ClientInput, birth: CalendarDate?, today: CalendarDate,
                                         add: (Field, String, [String: String]) -> Void) -> ClientDocument? {
        let typedNumber = input.documentNumber.trimmed
        let typedDate = input.documentIssueDate.trimmed
        guard let kind = ClientDocumentKind(rawValue: input.documentKind) else {
            if !input.documentKind.isEmpty { add(.documentKind, "document_kind", [:]) }
            else if !typedNumber.isEmpty || !typedDate.isEmpty { add(.documentKind, "document_kind_missing", [:]) }
            return nil
        }
        let number = kind.normalizedNumber(typedNumber)
        if typedNumber.isEmpty { add(.documentNumber, "required", [:]) }
        else if number == nil { add(.documentNumber, kind == .russianPassport ? "passport_number" : "document_number", [:]) }
        var issued: CalendarDate?
        if !typedDate.isEmpty {
            issued = CalendarDate(typedDate)
            if let date = issued {
                if date > today { add(.documentIssueDate, "issue_future", [:]) }
                else if let birth, date < birth { add(.documentIssueDate, "issue_before_birth", [:]) }
            } else {
                add(.documentIssueDate, "date", [:])
            }
        }
        guard let number else { return nil }
        return ClientDocument(kind: kind, number: number, issueDate: issued)
    }
}

/// A refused client form: every problem, nothing saved.
public struct ClientRejection: Error, Sendable, Equatable {
    public var errors: [FieldError]

    public init(errors: [FieldError]) { self.errors = errors }

    /// "field: key" pairs, handy in tests.
    public var fields: [String] { errors.map(\.field) }
}

extension String {
    /// Without spaces and line breaks at either end (named apart from the app's own `trimmed`).
    fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
