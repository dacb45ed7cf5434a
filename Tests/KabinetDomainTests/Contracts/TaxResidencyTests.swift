import Foundation
import Testing
@testable import KabinetDomain

/// «Является налогоплательщиком США?» / «…иного иностранного государства?»: «Да» makes the TIN mandatory
/// («Указание номера TIN в соответствующее поле обязательно»).
@Suite("Contract person: foreign tax residency")
struct TaxResidencyTests {
    typealias F = ContractFixtures

    static func person(_ tax: TaxResidency) -> ContractPerson {
        var person = F.seedPerson()
        person.taxResidency = tax
        return person
    }

    @Test("«Нет» to both needs no TIN")
    func noAndNo() {
        #expect(F.validate(Self.person(.none)).isEmpty)
    }

    @Test("«Нет» with a leftover TIN on the form is fine (the TIN is ignored)")
    func noWithLeftoverTIN() {
        let tax = TaxResidency(isUSTaxpayer: false, usTIN: ForeignTaxID(country: "US", number: "junk"))
        #expect(F.validate(Self.person(tax)).isEmpty)
    }

    @Test("US «Да» without a TIN: the number is required")
    func usYesWithoutTIN() {
        #expect(F.validate(Self.person(TaxResidency(isUSTaxpayer: true))).pairs == ["taxResidency.usTIN.number: contract.tin.required"])
        let blank = TaxResidency(isUSTaxpayer: true, usTIN: ForeignTaxID(country: "US", number: "  "))
        #expect(F.validate(Self.person(blank)).pairs == ["taxResidency.usTIN.number: contract.tin.required"])
    }

    @Test("US TIN: nine digits, with or without dashes", arguments: [
        ("123-45-6789", true), ("123456789", true), ("12-3456789", true), ("12345678", false), ("1234567890", false), ("ABC456789", false),
    ])
    func usTINFormat(number: String, valid: Bool) {
        let tax = TaxResidency(isUSTaxpayer: true, usTIN: ForeignTaxID(country: "US", number: number))
        #expect(F.validate(Self.person(tax)).pairs == (valid ? [] : ["taxResidency.usTIN.number: contract.tin.us_number"]))
    }

    @Test("Other country «Да» without a TIN: country and number are required")
    func otherYesWithoutTIN() {
        #expect(F.validate(Self.person(TaxResidency(isOtherForeignTaxpayer: true))).pairs == [
            "taxResidency.otherTIN.country: contract.required",
            "taxResidency.otherTIN.number: contract.tin.required",
        ])
    }

    @Test("Other country TIN is accepted with a country from the list")
    func otherTINValid() {
        let tax = TaxResidency(isOtherForeignTaxpayer: true, otherTIN: ForeignTaxID(country: "DE", number: "12 345 678 901"))
        #expect(F.validate(Self.person(tax)).isEmpty)
    }

    @Test("Other country cannot be Russia or the US", arguments: ["RU", "US", "us"])
    func otherCountryNotRussiaOrUS(code: String) {
        let tax = TaxResidency(isOtherForeignTaxpayer: true, otherTIN: ForeignTaxID(country: code, number: "X1"))
        #expect(F.validate(Self.person(tax)).pairs == ["taxResidency.otherTIN.country: contract.tin.country.not_other"])
    }

    @Test("Other country TIN: letters and digits up to 30")
    func otherTINFormat() {
        let tax = TaxResidency(isOtherForeignTaxpayer: true,
                               otherTIN: ForeignTaxID(country: "CN", number: String(repeating: "1", count: 31)))
        #expect(F.validate(Self.person(tax)).pairs == ["taxResidency.otherTIN.number: contract.tin.number"])
    }

    @Test("Both «Да» and both missing: both problems are reported together")
    func bothYes() {
        let tax = TaxResidency(isUSTaxpayer: true, isOtherForeignTaxpayer: true)
        #expect(F.validate(Self.person(tax)).count == 3)
    }

    @Test("A foreign citizen answers the same questions")
    func foreignCitizenTIN() {
        var person = F.foreignPerson()
        person.taxResidency = TaxResidency(isUSTaxpayer: true)
        #expect(F.validate(person).pairs == ["taxResidency.usTIN.number: contract.tin.required"])
    }
}
