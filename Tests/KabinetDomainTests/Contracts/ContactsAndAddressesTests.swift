import Foundation
import Testing
@testable import KabinetDomain

/// «Контактная информация» and «Адреса».
@Suite("Contract person: contacts and addresses")
struct ContactsAndAddressesTests {
    typealias F = ContractFixtures

    @Test("Phone: how agents type it all normalises to +7 (9XX) XXX-XX-XX", arguments: [
        "89161234567", "+7 916 123-45-67", "9161234567", "+7 (916) 123-45-67", "8 (916) 123 45 67", "79161234567",
        " +7-916-123-45-67 ",
    ])
    func phoneNormalised(text: String) throws {
        let number = try #require(RussianPhoneNumber(text))
        #expect(number.formatted == "+7 (916) 123-45-67")
        #expect(number.e164 == "+79161234567")
        #expect(number.isMobile)
    }

    @Test("Phone: what is not a Russian number", arguments: [
        "916123456", "891612345678", "+8 916 123-45-67", "+7 916 123-45-6x", "+79161234567 доб. 5", "++79161234567",
        "+1 212 555 0100",
    ])
    func phoneRefused(text: String) {
        #expect(RussianPhoneNumber.parse(text).refusal == .format)
    }

    @Test("Phone: blank and the bare «+7» placeholder are empty")
    func phoneEmpty() {
        #expect(RussianPhoneNumber.parse("").refusal == .empty)
        #expect(RussianPhoneNumber.parse(" +7 ").refusal == .empty)
    }

    @Test("Phone: a landline is a valid number but not a mobile")
    func landline() throws {
        let number = try #require(RussianPhoneNumber("+7 (495) 981-2-981"))
        #expect(!number.isMobile)
        #expect(number.formatted == "+7 (495) 981-29-81")
        #expect(RussianPhoneNumber.parseMobile("+7 (495) 981-2-981").refusal == .notMobile)
    }

    @Test("Phone: JSON stores E.164 and reads any typed form")
    func phoneCodable() throws {
        let data = try JSONEncoder().encode(RussianPhoneNumber("89161234567"))
        #expect(String(decoding: data, as: UTF8.self) == "\"+79161234567\"")
        #expect(try JSONDecoder().decode(RussianPhoneNumber.self, from: Data("\"8 916 123 45 67\"".utf8)).nationalDigits == "9161234567")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RussianPhoneNumber.self, from: Data("\"123\"".utf8)) }
    }

    @Test("«Мобильный телефон *»: required, a number, a mobile", arguments: [
        ("", "contract.required"), ("+7", "contract.required"), ("12345", "contract.phone.invalid"),
        ("+7 (495) 981-29-81", "contract.phone.not_mobile"),
    ])
    func mobileField(value: String, key: String) {
        var person = F.seedPerson()
        person.contacts.mobile = value
        #expect(F.validate(person).pairs == ["contacts.mobile: \(key)"])
    }

    @Test("«Email *»: required and plausible", arguments: [("", "contract.required"), ("yug@mail", "contract.email.invalid"),
                                                          ("yug mail.ru", "contract.email.invalid")])
    func emailField(value: String, key: String) {
        var person = F.seedPerson()
        person.contacts.email = value
        #expect(F.validate(person).pairs == ["contacts.email: \(key)"])
    }

    @Test("Home and work phones are optional; a landline is fine; garbage is not")
    func otherPhones() {
        var person = F.seedPerson()
        person.contacts.homePhone = nil
        person.contacts.workPhone = "+7 (495) 981-29-81"
        #expect(F.validate(person).isEmpty)
        person.contacts.homePhone = "12-34"
        person.contacts.workPhone = "abc"
        #expect(F.validate(person).pairs == ["contacts.homePhone: contract.phone.invalid", "contacts.workPhone: contract.phone.invalid"])
    }

    @Test("«Индекс *» of a Russian registration address: 6 digits", arguments: [
        ("123112", true), ("12311", false), ("1231120", false), ("12311a", false),
    ])
    func russianPostalCode(code: String, valid: Bool) {
        var person = F.seedPerson()
        person.addresses.registration.postalCode = code
        #expect(F.validate(person).pairs == (valid ? [] : ["addresses.registration.postalCode: contract.address.postal_code"]))
    }

    @Test("A foreign address takes its own postal code shape")
    func foreignPostalCode() {
        var person = F.seedPerson()
        person.addresses.registration = PostalAddress(country: "GB", line: "10 Downing St, London", postalCode: "SW1A 2AA")
        #expect(F.validate(person).isEmpty)
        person.addresses.registration.postalCode = "SW1A 2AA 12345"
        #expect(F.validate(person).pairs == ["addresses.registration.postalCode: contract.address.postal_code.foreign"])
    }

    @Test("Registration: country from the list, «Город, улица, дом, квартира *», «Индекс *»")
    func registrationRequired() {
        var person = F.seedPerson()
        person.addresses.registration = PostalAddress(country: "", line: " ", postalCode: nil)
        #expect(F.validate(person).pairs == [
            "addresses.registration.country: contract.required",
            "addresses.registration.line: contract.required",
            "addresses.registration.postalCode: contract.required",
        ])
    }

    @Test("«Фактический адрес совпадает с адресом регистрации»: the actual address is not asked for")
    func sameAsRegistration() {
        var person = F.seedPerson()
        person.addresses.actualSameAsRegistration = true
        person.addresses.actual = nil
        #expect(F.validate(person).isEmpty)
        #expect(person.addresses.effectiveActual == person.addresses.registration)
    }

    @Test("Without the flag the actual address is required; its index is optional but checked")
    func actualRequired() {
        var person = F.seedPerson()
        person.addresses.actual = nil
        #expect(F.validate(person).pairs == ["addresses.actual.line: contract.required"])
        person.addresses.actual = PostalAddress(country: "RU", line: "г Москва", postalCode: "1")
        #expect(F.validate(person).pairs == ["addresses.actual.postalCode: contract.address.postal_code"])
    }
}
