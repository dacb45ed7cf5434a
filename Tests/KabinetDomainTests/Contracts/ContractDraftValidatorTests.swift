import Foundation
import Testing
@testable import KabinetDomain

/// Insured persons, the policyholder and the beneficiaries with shares adding up to 100 %.
@Suite("Contract draft: composition")
struct ContractDraftValidatorTests {
    typealias F = ContractFixtures

    static func validate(_ draft: ContractDraft) -> [FieldError] {
        ContractDraftValidator.validate(draft, today: F.today)
    }

    @Test("The seed's contract: one insured who is also the policyholder, no beneficiaries")
    func seedContract() {
        #expect(Self.validate(ContractDraft(insured: [F.seedPerson()])).isEmpty)
    }

    @Test("At least one insured person")
    func noInsured() {
        let errors = Self.validate(ContractDraft(insured: []))
        #expect(errors.pairs == ["insured: contract.insured.none"])
    }

    @Test("Several insured: each one's problems carry its index")
    func severalInsured() {
        var second = F.foreignPerson(stay: nil)
        second.contacts.mobile = "123"
        let errors = Self.validate(ContractDraft(insured: [F.seedPerson(), second]))
        #expect(errors.pairs == [
            "insured[1].documents.stayDocument.kind: contract.required",
            "insured[1].contacts.mobile: contract.phone.invalid",
        ])
    }

    @Test("Policyholder chosen among the insured must exist")
    func policyholderIndex() {
        let draft = ContractDraft(insured: [F.seedPerson()], policyholder: .insured(index: 1))
        #expect(Self.validate(draft).pairs == ["policyholder.insuredIndex: contract.policyholder.index_invalid"])
        #expect(draft.policyholderPerson == nil)
        let second = ContractDraft(insured: [F.seedPerson(), F.foreignPerson()], policyholder: .insured(index: 1))
        #expect(Self.validate(second).isEmpty)
        #expect(second.policyholderPerson?.lastName == "Silva")
    }

    @Test("A separate policyholder's data are required in full, under «policyholder»")
    func separatePolicyholder() {
        var holder = F.seedPerson()
        holder.contacts.mobile = ""
        holder.documents.passport?.series = "1"
        let draft = ContractDraft(insured: [F.seedPerson()], policyholder: .person(holder))
        #expect(Self.validate(draft).pairs == [
            "policyholder.documents.passport.series: contract.passport.series",
            "policyholder.contacts.mobile: contract.required",
        ])
        #expect(Self.validate(ContractDraft(insured: [F.seedPerson()], policyholder: .person(ContractPerson()))).count == 15)
    }

    @Test("The policyholder must be 18: a 17-year-old insured can be insured but not the policyholder")
    func policyholderMinor() {
        var teen = F.seedPerson()
        teen.birthDate = F.day("21.10.2004")
        teen.documents.passport?.issueDate = F.day("01.11.2018")
        let asPolicyholder = Self.validate(ContractDraft(insured: [teen]))
        #expect(asPolicyholder.pairs == ["policyholder.insuredIndex: contract.policyholder.minor"])
        #expect(asPolicyholder.first?.arguments == ["age": "17", "min": "18"])
        let parentPays = ContractDraft(insured: [teen], policyholder: .person(F.seedPerson()))
        #expect(Self.validate(parentPays).isEmpty)
        teen.birthDate = F.day("20.10.2004")
        #expect(Self.validate(ContractDraft(insured: [teen])).isEmpty)
    }

    @Test("Shares adding up to exactly 100 % are accepted", arguments: [
        ["100"], ["50", "50"], ["33.34", "33.33", "33.33"], ["0.01", "99.99"], ["12.5", "87.5"],
    ])
    func sharesAddUp(shares: [String]) {
        let draft = ContractDraft(insured: [F.seedPerson()], beneficiaries: shares.map { F.beneficiary($0) })
        #expect(Self.validate(draft).isEmpty)
    }

    @Test("Shares not adding up to 100 % are refused with the total", arguments: [
        (["33.33", "33.33", "33.33"], "99.99"), (["50", "60"], "110"), (["99"], "99"),
    ])
    func sharesDoNotAddUp(shares: [String], total: String) {
        let draft = ContractDraft(insured: [F.seedPerson()], beneficiaries: shares.map { F.beneficiary($0) })
        let errors = Self.validate(draft)
        #expect(errors.pairs == ["beneficiaries: contract.beneficiaries.shares_total"])
        #expect(errors.first?.arguments == ["total": total])
    }

    @Test("Each share: above 0, at most 100, two decimals; the total is not checked while a share is wrong",
          arguments: ["0", "-10", "100.01", "33.333"])
    func invalidShare(share: String) {
        let draft = ContractDraft(insured: [F.seedPerson()], beneficiaries: [F.beneficiary("50"), F.beneficiary(share)])
        #expect(Self.validate(draft).pairs == ["beneficiaries[1].share: contract.beneficiary.share.invalid"])
    }

    @Test("A beneficiary needs a name, a birth date and a share")
    func beneficiaryRequired() {
        let draft = ContractDraft(insured: [F.seedPerson()], beneficiaries: [Beneficiary()])
        #expect(draft.beneficiaries.count == 1)
        #expect(Self.validate(draft).pairs == [
            "beneficiaries[0].lastName: contract.required",
            "beneficiaries[0].firstName: contract.required",
            "beneficiaries[0].birthDate: contract.required",
            "beneficiaries[0].share: contract.required",
        ])
    }

    @Test("A beneficiary's birth date cannot be in the future")
    func beneficiaryBirthDate() {
        var beneficiary = F.beneficiary("100")
        beneficiary.birthDate = F.day("01.01.2023")
        let draft = ContractDraft(insured: [F.seedPerson()], beneficiaries: [beneficiary])
        #expect(Self.validate(draft).pairs == ["beneficiaries[0].birthDate: contract.date.in_future"])
    }

    @Test("Form text: shares with a comma or %, dates as ДД.ММ.ГГГГ; unreadable ones become field errors")
    func parsing() {
        var errors: [FieldError] = []
        #expect(ContractInputParsing.share("33,34", at: "beneficiaries[0].share", errors: &errors) == Decimal(string: "33.34"))
        #expect(ContractInputParsing.share("50 %", at: "beneficiaries[0].share", errors: &errors) == 50)
        #expect(ContractInputParsing.share(" ", at: "beneficiaries[0].share", errors: &errors) == nil)
        #expect(ContractInputParsing.date("01.01.1992", at: "insured[0].birthDate", errors: &errors) == F.day("01.01.1992"))
        #expect(ContractInputParsing.date("", at: "insured[0].birthDate", errors: &errors) == nil)
        #expect(errors.isEmpty)
        #expect(ContractInputParsing.share("половина", at: "beneficiaries[1].share", errors: &errors) == nil)
        #expect(ContractInputParsing.date("31.02.1992", at: "insured[0].birthDate", errors: &errors) == nil)
        #expect(errors.pairs == ["beneficiaries[1].share: contract.beneficiary.share.invalid",
                                 "insured[0].birthDate: contract.date.invalid"])
        #expect(ContractInputParsing.yesNo("Да") == true)
        #expect(ContractInputParsing.yesNo("no") == false)
        #expect(ContractInputParsing.yesNo(nil) == nil)
    }

    @Test("JSON round trip; a chosen policyholder is {\"insuredIndex\": n}, a separate one is the person itself")
    func codable() throws {
        let chosen = ContractDraft(insured: [F.seedPerson()], policyholder: .insured(index: 0),
                                   beneficiaries: [F.beneficiary("33.34")])
        let separate = ContractDraft(insured: [F.seedPerson()], policyholder: .person(F.foreignPerson()))
        for draft in [chosen, separate] {
            let data = try JSONEncoder().encode(draft)
            #expect(try JSONDecoder().decode(ContractDraft.self, from: data) == draft)
        }
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(chosen)) as? [String: Any]
        #expect((json?["policyholder"] as? [String: Any])?["insuredIndex"] as? Int == 0)
        let separateJSON = try JSONSerialization.jsonObject(with: JSONEncoder().encode(separate)) as? [String: Any]
        #expect((separateJSON?["policyholder"] as? [String: Any])?["lastName"] as? String == "Silva")
    }
}
