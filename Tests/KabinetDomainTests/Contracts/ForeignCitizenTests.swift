import Foundation
import Testing
@testable import KabinetDomain

/// «Оформление договора с иностранным гражданином»: «К заполнению два документа: иностранный паспорт и
/// обязательный документ на выбор».
@Suite("Contract person: foreign citizen documents")
struct ForeignCitizenTests {
    typealias F = ContractFixtures

    @Test("Foreign passport plus a migration card is valid; no Russian passport is asked for")
    func bothDocuments() {
        #expect(F.validate(F.foreignPerson()).isEmpty)
    }

    @Test("Without the second document the foreign citizen cannot be saved")
    func secondDocumentMissing() {
        let errors = F.validate(F.foreignPerson(stay: nil))
        #expect(errors.pairs == ["documents.stayDocument.kind: contract.required"])
    }

    @Test("Without the foreign passport every passport field is required")
    func foreignPassportMissing() {
        var person = F.foreignPerson()
        person.documents.foreignPassport = nil
        #expect(Set(F.validate(person).pairs) == [
            "documents.foreignPassport.country: contract.required",
            "documents.foreignPassport.number: contract.required",
            "documents.foreignPassport.issueDate: contract.required",
            "documents.foreignPassport.issuedBy: contract.required",
        ])
    }

    @Test("A Russian passport left on the form does not replace the foreign documents")
    func russianPassportIgnoredForForeigner() {
        var person = F.foreignPerson(stay: nil)
        person.documents.passport = F.seedPerson().documents.passport
        #expect(F.validate(person).pairs == ["documents.stayDocument.kind: contract.required"])
    }

    @Test("Foreign passport fields: country from the list, not Russia; number; dates")
    func foreignPassportFields() {
        var person = F.foreignPerson()
        person.documents.foreignPassport = ForeignPassport(country: "RU", number: "№ 12/34", issueDate: F.day("31.12.1991"),
                                                           divisionCode: "---", issuedBy: "Бразилия")
        #expect(F.validate(person).pairs == [
            "documents.foreignPassport.country: contract.foreign_passport.russia",
            "documents.foreignPassport.number: contract.document.number.invalid",
            "documents.foreignPassport.issueDate: contract.document.issue_date.before_birth",
        ])
        person.documents.foreignPassport?.country = "ZZ"
        #expect(F.validate(person).keys(at: "documents.foreignPassport.country") == ["contract.country.unknown"])
    }

    @Test("Required fields of each second document", arguments: [
        (StayDocumentKind.migrationCard, ["series", "number", "validFrom", "validUntil"]),
        (.visa, ["number", "issueDate", "validFrom", "validUntil"]),
        (.residencePermit, ["number", "issueDate"]),
        (.temporaryResidencePermit, ["number", "issueDate", "validUntil"]),
    ])
    func requiredByKind(kind: StayDocumentKind, required: [String]) {
        let person = F.foreignPerson(stay: StayDocument(kind: kind))
        let fields = F.validate(person).filter { $0.key == "contract.required" }.map(\.field)
        #expect(fields == required.map { "documents.stayDocument.\($0)" })
        #expect(F.validate(person).count == required.count)
    }

    @Test("Each second document, filled in, is accepted", arguments: StayDocumentKind.allCases)
    func eachKindComplete(kind: StayDocumentKind) {
        let document = StayDocument(kind: kind, series: "4619", number: "1234567", issueDate: F.day("01.09.2022"),
                                    validFrom: F.day("01.10.2022"), validUntil: F.day("01.10.2023"))
        #expect(F.validate(F.foreignPerson(stay: document)).isEmpty)
    }

    @Test("A permanent residence permit needs no end date")
    func residencePermitWithoutEnd() {
        let document = StayDocument(kind: .residencePermit, series: "82", number: "1234567", issueDate: F.day("01.09.2021"))
        #expect(F.validate(F.foreignPerson(stay: document)).isEmpty)
    }

    @Test("An expired document does not make the stay lawful")
    func expired() {
        var card = F.migrationCard()
        card.validUntil = F.day("19.10.2022")
        let errors = F.validate(F.foreignPerson(stay: card))
        #expect(errors.pairs == ["documents.stayDocument.validUntil: contract.document.expired"])
        #expect(errors.first?.arguments == ["date": "2022-10-19"])
        card.validUntil = F.today
        #expect(F.validate(F.foreignPerson(stay: card)).isEmpty)
    }

    @Test("The end of validity cannot come before its start")
    func periodReversed() {
        var card = F.migrationCard()
        card.validFrom = F.day("01.12.2022")
        card.validUntil = F.day("01.11.2022")
        #expect(F.validate(F.foreignPerson(stay: card)).pairs == ["documents.stayDocument.validUntil: contract.document.period.invalid"])
    }

    @Test("Issue dates of the second document: not in the future, not before birth")
    func stayIssueDate() {
        let future = StayDocument(kind: .visa, number: "123", issueDate: F.day("21.10.2022"), validFrom: F.day("21.10.2022"),
                                  validUntil: F.day("21.10.2023"))
        #expect(F.validate(F.foreignPerson(stay: future)).pairs == ["documents.stayDocument.issueDate: contract.date.in_future"])
    }

    @Test("Document numbers: letters and digits, up to 20", arguments: [
        ("FT123456", true), ("AB 12-34", true), ("ЯЯ123", true), ("ABCDEF", false), ("1234567890123456789012", false), ("12#4", false),
    ])
    func documentNumbers(value: String, valid: Bool) {
        var card = F.migrationCard()
        card.number = value
        let errors = F.validate(F.foreignPerson(stay: card))
        #expect(errors.pairs == (valid ? [] : ["documents.stayDocument.number: contract.document.number.invalid"]))
    }
}
