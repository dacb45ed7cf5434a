import Foundation

/// The answers a «Изменение персональных данных» application may carry, by the field keys the back office uses
/// in the type's schema. Only these keys are written into the contract; any other field (a reason, a scan) is
/// for the operator to read.
public enum PersonalDataField: String, CaseIterable, Sendable {
    case lastName = "last_name"
    case firstName = "first_name"
    case middleName = "middle_name"
    case email
    case mobile
    case registrationAddress = "registration_address"

    public enum Message: String, Sendable {
        case name = "applications.personal.bad_name"
        case email = "applications.personal.bad_email"
        case mobile = "applications.personal.bad_mobile"
        case nothing = "applications.personal.nothing_changed"
    }

    /// Why the value cannot be the person's new data, or nil when it can.
    func problem(_ value: String) -> Message? {
        switch self {
        case .lastName, .firstName, .middleName: PersonName.isValid(value) ? nil : .name
        case .email: EmailAddress.isValid(value) ? nil : .email
        case .mobile: (try? RussianPhoneNumber.parseMobile(value).get()) == nil ? .mobile : nil
        case .registrationAddress: nil
        }
    }
}

/// New personal data of the policyholder, taken from an application's answers: what changes, and nothing else.
public struct PersonalDataChange: Sendable, Equatable {
    public private(set) var values: [PersonalDataField: String]

    public init(answers: [String: String]) {
        var values: [PersonalDataField: String] = [:]
        for field in PersonalDataField.allCases {
            let text = answers[field.rawValue]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !text.isEmpty { values[field] = text }
        }
        self.values = values
    }

    public var isEmpty: Bool { values.isEmpty }

    /// Problems by field key; `schemaKeys` are the data fields the form has, so «nothing to change» is shown on
    /// the first of them.
    public func problems(schemaKeys: [String]) -> [FieldError] {
        var errors = values.compactMap { field, value in
            field.problem(value).map { FieldError(field: field.rawValue, key: $0.rawValue) }
        }.sorted { $0.field < $1.field }
        if isEmpty, let first = schemaKeys.first(where: { PersonalDataField(rawValue: $0) != nil }) {
            errors.append(FieldError(field: first, key: PersonalDataField.Message.nothing.rawValue))
        }
        return errors
    }

    /// The person with the new data; the mobile phone in the one stored form.
    public func applied(to person: ContractPerson) -> ContractPerson {
        var copy = person
        for (field, value) in values {
            switch field {
            case .lastName: copy.lastName = value
            case .firstName: copy.firstName = value
            case .middleName: copy.middleName = value
            case .email: copy.contacts.email = value
            case .mobile: copy.contacts.mobile = (try? RussianPhoneNumber.parseMobile(value).get())?.formatted ?? value
            case .registrationAddress: copy.addresses.registration.line = value
            }
        }
        return copy
    }

    /// The draft with the policyholder's data changed, wherever they were entered (a separate person, or one of
    /// the insured — then the insured changes too, since it is the same person).
    public func applied(to draft: ContractDraft) -> ContractDraft {
        var copy = draft
        switch draft.policyholder {
        case .insured(let index) where draft.insured.indices.contains(index):
            copy.insured[index] = applied(to: draft.insured[index])
        case .person(let person):
            copy.policyholder = .person(applied(to: person))
        case .insured:
            break
        }
        return copy
    }
}
