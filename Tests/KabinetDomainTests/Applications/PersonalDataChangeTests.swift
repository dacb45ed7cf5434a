import Foundation
import KabinetDomain
import Testing

@Suite("Change of personal data")
struct PersonalDataChangeTests {
    let person = ContractPerson(lastName: "Иванов", firstName: "Юрий", middleName: "Германович",
                                contacts: ContactDetails(mobile: "+7 (900) 100-01-01", email: "yug@mail.ru"))

    @Test("Only the fields given change; the phone is stored in one form")
    func applies() {
        // given
        let change = PersonalDataChange(answers: ["last_name": "Петров", "mobile": "89161234567", "reason": "Брак"])
        // when
        let changed = change.applied(to: person)
        // then
        #expect(changed.lastName == "Петров")
        #expect(changed.firstName == "Юрий")
        #expect(changed.contacts.mobile == "+7 (916) 123-45-67")
        #expect(changed.contacts.email == "yug@mail.ru")
    }

    @Test("The policyholder is changed where they were entered")
    func policyholder() {
        let change = PersonalDataChange(answers: ["last_name": "Петров"])
        let asInsured = change.applied(to: ContractDraft(insured: [person], policyholder: .insured(index: 0)))
        #expect(asInsured.insured[0].lastName == "Петров")
        let separate = change.applied(to: ContractDraft(insured: [person], policyholder: .person(person)))
        #expect(separate.insured[0].lastName == "Иванов")
        #expect(separate.policyholderPerson?.lastName == "Петров")
    }

    @Test("Bad new data and an empty change are refused, each on its field")
    func problems() {
        let bad = PersonalDataChange(answers: ["last_name": "Петр0в", "email": "nope", "mobile": "123"])
        #expect(bad.problems(schemaKeys: ["last_name"]).map(\.field) == ["email", "last_name", "mobile"])
        let empty = PersonalDataChange(answers: ["reason": "Брак"])
        #expect(empty.problems(schemaKeys: ["reason", "last_name", "email"])
            == [FieldError(field: "last_name", key: "applications.personal.nothing_changed")])
    }
}
