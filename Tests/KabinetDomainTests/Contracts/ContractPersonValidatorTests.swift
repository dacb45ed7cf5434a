import Foundation
import Testing
@testable import KabinetDomain

/// Names, birth data, citizenship and the Russian passport («Паспорт гражданина РФ»).
@Suite("Contract person: identity and Russian passport")
struct ContractPersonValidatorTests {
    typealias F = ContractFixtures

    @Test("The seed's client, as on the form, is valid")
    func seedPersonIsValid() {
        #expect(F.validate(F.seedPerson()).isEmpty)
    }

    @Test("An empty form lists every required field at once, not just the first")
    func emptyFormListsEverything() {
        // when
        let errors = F.validate(ContractPerson())
        // then
        let required = Set(errors.filter { $0.key == "contract.required" }.map(\.field))
        #expect(required == [
            "lastName", "firstName", "sex", "birthDate", "birthPlace",
            "documents.passport.series", "documents.passport.number", "documents.passport.issueDate",
            "documents.passport.divisionCode", "documents.passport.issuedBy",
            "contacts.mobile", "contacts.email",
            "addresses.registration.line", "addresses.registration.postalCode", "addresses.actual.line",
        ])
        #expect(errors.count == required.count)
    }

    @Test("Paths are prefixed by where the person sits in the contract")
    func pathsArePrefixed() {
        var person = F.seedPerson()
        person.documents.passport?.series = "10"
        let errors = ContractPersonValidator.validate(person, at: ContractField.insured.item(0), today: F.today)
        #expect(errors.pairs == ["insured[0].documents.passport.series: contract.passport.series"])
        #expect(errors.first?.arguments == ["value": "10"])
    }

    @Test("Names: letters of any alphabet, hyphen, apostrophe, space", arguments: [
        "Римский-Корсаков", "Д'Артаньян", "Silva", "João", "Ан Мария", "Нуриддин угли",
    ])
    func namesAccepted(name: String) {
        var person = F.seedPerson()
        person.lastName = name
        #expect(F.validate(person).isEmpty)
    }

    @Test("Names: digits, punctuation or a leading hyphen are refused", arguments: ["Иванов1", "-Иванов", "Иванов!", "И.", "@"])
    func namesRefused(name: String) {
        var person = F.seedPerson()
        person.firstName = name
        #expect(F.validate(person).pairs == ["firstName: contract.person.name.invalid"])
    }

    @Test("The general name rule, shared with the quote and the client base")
    func personNameRule() {
        #expect(PersonName.problem("  ") == .empty)
        #expect(PersonName.problem("Müller") == nil && PersonName.problem("О’Коннор") == nil)
        #expect(PersonName.problem("'Иван") == .characters && PersonName.problem("Иван2") == .characters)
    }

    @Test("Отчество is optional but checked when given")
    func middleName() {
        var person = F.seedPerson()
        person.middleName = nil
        #expect(F.validate(person).isEmpty)
        person.middleName = "  "
        #expect(F.validate(person).isEmpty)
        person.middleName = "Герман0вич"
        #expect(F.validate(person).pairs == ["middleName: contract.person.name.invalid"])
    }

    @Test("A name longer than 100 characters is refused")
    func longName() {
        var person = F.seedPerson()
        person.lastName = String(repeating: "а", count: 101)
        #expect(F.validate(person).pairs == ["lastName: contract.text.too_long"])
    }

    @Test("Birth date: not in the future, not before 1900")
    func birthDate() {
        var person = F.seedPerson()
        person.birthDate = F.day("21.10.2022")
        person.documents.passport?.issueDate = nil
        #expect(F.validate(person).pairs == ["birthDate: contract.person.birth_date.in_future",
                                             "documents.passport.issueDate: contract.required"])
        person = F.seedPerson()
        person.birthDate = F.day("31.12.1899")
        #expect(F.validate(person).pairs == ["birthDate: contract.person.birth_date.too_early"])
    }

    @Test("Citizenship must be a country from the list")
    func citizenship() {
        var person = F.seedPerson()
        person.citizenship = "XX"
        let errors = F.validate(person)
        #expect(errors.keys(at: "citizenship") == ["contract.country.unknown"])
        person.citizenship = "ru"
        #expect(F.validate(person).isEmpty)
        person.citizenship = " "
        #expect(F.validate(person).pairs == ["citizenship: contract.required"])
    }

    @Test("Серия: exactly 4 digits (a space inside, as printed, is fine)", arguments: [
        ("1010", true), ("10 10", true), ("101", false), ("10101", false), ("10a0", false), ("１０１０", false),
    ])
    func series(value: String, valid: Bool) {
        var person = F.seedPerson()
        person.documents.passport?.series = value
        #expect(F.validate(person).pairs == (valid ? [] : ["documents.passport.series: contract.passport.series"]))
    }

    @Test("Номер: exactly 6 digits", arguments: [("101010", true), ("10101", false), ("1010101", false), ("10101O", false)])
    func number(value: String, valid: Bool) {
        var person = F.seedPerson()
        person.documents.passport?.number = value
        #expect(F.validate(person).pairs == (valid ? [] : ["documents.passport.number: contract.passport.number"]))
    }

    @Test("Код подразделения: NNN-NNN; six digits without the dash are accepted", arguments: [
        ("220-062", true), ("220062", true), ("22-0062", false), ("220-06", false), ("220 062", true), ("abc-def", false),
        ("220--062", false),
    ])
    func divisionCode(value: String, valid: Bool) {
        var person = F.seedPerson()
        person.documents.passport?.divisionCode = value
        #expect(F.validate(person).pairs == (valid ? [] : ["documents.passport.divisionCode: contract.passport.division_code"]))
    }

    @Test("Дата выдачи: on the 14th birthday is fine, the day before is not")
    func issuedAtFourteen() {
        var person = F.seedPerson()
        person.documents.passport?.issueDate = F.day("01.01.2006")
        #expect(F.validate(person).isEmpty)
        person.documents.passport?.issueDate = F.day("31.12.2005")
        let errors = F.validate(person)
        #expect(errors.pairs == ["documents.passport.issueDate: contract.passport.issue_date.before_14"])
        #expect(errors.first?.arguments == ["date": "2006-01-01"])
    }

    @Test("Дата выдачи: today is fine, tomorrow is not")
    func issueDateNotInFuture() {
        var person = F.seedPerson()
        person.documents.passport?.issueDate = F.today
        #expect(F.validate(person).isEmpty)
        person.documents.passport?.issueDate = F.today.adding(days: 1)
        #expect(F.validate(person).pairs == ["documents.passport.issueDate: contract.date.in_future"])
    }

    @Test("Кем выдан: required, blank spaces do not count")
    func issuedBy() {
        var person = F.seedPerson()
        person.documents.passport?.issuedBy = "   "
        #expect(F.validate(person).pairs == ["documents.passport.issuedBy: contract.required"])
    }

    @Test("A Russian citizen without the passport block gets every passport field as required")
    func passportMissing() {
        var person = F.seedPerson()
        person.documents.passport = nil
        #expect(F.validate(person).count == 5)
    }

    @Test("Normalised passport for storage: no spaces in the series, NNN-NNN code")
    func normalized() {
        let passport = RussianPassport(series: "45 06", number: " 123456 ", divisionCode: "770001", issuedBy: " ОВД ")
        #expect(passport.normalized.series == "4506")
        #expect(passport.normalized.number == "123456")
        #expect(passport.normalized.divisionCode == "770-001")
        #expect(passport.normalized.issuedBy == "ОВД")
    }

    @Test("Full name reads as on the card")
    func fullName() {
        #expect(F.seedPerson().fullName == "Иванов Юрий Германович")
        #expect(F.foreignPerson().fullName == "Silva João")
    }
}
