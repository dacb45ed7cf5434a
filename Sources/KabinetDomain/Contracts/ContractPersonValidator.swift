import Foundation

/// Everything wrong with one person's data, as field errors with stable paths and message keys.
///
/// Never throws and never stops at the first problem: the agent fixes the whole form in one pass.
/// Paths are relative to `field` ("insured[0]" gives "insured[0].documents.passport.series"); pass `.root`
/// to validate a person on its own. `today` is the office's date (Moscow), so the result does not depend
/// on the server clock and tests are repeatable.
public enum ContractPersonValidator {
    /// Names are at most this long; longer text is a paste accident, not a name.
    public static let maxNameLength = 100
    /// «Место рождения», «Кем выдан документ».
    public static let maxPlaceLength = 250
    /// Nobody on a new contract was born before this.
    public static let earliestBirthDate = CalendarDate(year: 1900, month: 1, day: 1)!

    public static func validate(_ person: ContractPerson, at field: ContractField = .root,
                                today: CalendarDate) -> [FieldError] {
        var problems = ContractProblems()
        validateIdentity(person, at: field, today: today, into: &problems)
        validateDocuments(person, at: field.child("documents"), today: today, into: &problems)
        validateTaxResidency(person.taxResidency, at: field.child("taxResidency"), into: &problems)
        validateContacts(person.contacts, at: field.child("contacts"), into: &problems)
        validateAddresses(person.addresses, at: field.child("addresses"), into: &problems)
        return problems.errors
    }

    /// Names, sex, birth date and place, citizenship.
    static func validateIdentity(_ person: ContractPerson, at field: ContractField, today: CalendarDate,
                                 into problems: inout ContractProblems) {
        name(person.lastName, at: field.child("lastName"), required: true, into: &problems)
        name(person.firstName, at: field.child("firstName"), required: true, into: &problems)
        name(person.middleName ?? "", at: field.child("middleName"), required: false, into: &problems)
        problems.required(person.sex, field.child("sex"))
        if let birth = problems.required(person.birthDate, field.child("birthDate")) {
            if birth > today {
                problems.add(field.child("birthDate"), .birthDateInFuture)
            } else if birth < earliestBirthDate {
                problems.add(field.child("birthDate"), .birthDateTooEarly, ["min": earliestBirthDate.iso])
            }
        }
        if let place = problems.required(person.birthPlace, field.child("birthPlace")) {
            problems.limit(place, field.child("birthPlace"), max: maxPlaceLength)
        }
        country(person.citizenship, at: field.child("citizenship"), into: &problems)
    }

    /// A name part by `PersonName`'s rule, at most `maxNameLength` characters.
    static func name(_ text: String, at field: ContractField, required: Bool, into problems: inout ContractProblems) {
        switch PersonName.problem(text) {
        case .empty: if required { problems.add(field, .required) }
        case .characters: problems.add(field, .nameInvalid)
        case nil: problems.limit(text.trimmingCharacters(in: .whitespacesAndNewlines), field, max: maxNameLength)
        }
    }

    /// A required country from `Country.all`.
    static func country(_ code: String, at field: ContractField, into problems: inout ContractProblems) {
        guard let code = problems.required(code, field) else { return }
        if !Country.isKnown(code) { problems.add(field, .countryUnknown, ["value": code]) }
    }

    /// A date that must not be after `today`; returns it when present.
    @discardableResult
    static func pastDate(_ date: CalendarDate?, at field: ContractField, required: Bool, today: CalendarDate,
                         into problems: inout ContractProblems) -> CalendarDate? {
        guard let date else {
            if required { problems.add(field, .required) }
            return nil
        }
        if date > today { problems.add(field, .dateInFuture, ["value": date.iso]) }
        return date
    }
}
