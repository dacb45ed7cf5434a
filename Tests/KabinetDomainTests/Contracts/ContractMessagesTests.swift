import Foundation
import Testing
@testable import KabinetDomain

/// Every key has Russian and English text with the same placeholders; arguments read as people expect.
@Suite("Contract messages")
struct ContractMessagesTests {
    static func placeholders(_ text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    @Test("Every key has distinct Russian and English texts with the same placeholders")
    func everyKeyHasBothTexts() {
        for key in ContractMessageKey.allCases {
            let texts = ContractMessageTexts.texts(key)
            #expect(!texts.ru.isEmpty && !texts.en.isEmpty && texts.ru != texts.en, "\(key)")
            #expect(Self.placeholders(texts.ru) == Self.placeholders(texts.en), "\(key)")
            #expect(key.rawValue.hasPrefix("contract."), "\(key)")
        }
        #expect(Set(ContractMessageKey.allCases.map(\.rawValue)).count == ContractMessageKey.allCases.count)
    }

    @Test("The localisation table: every key, status, action and document kind, in both languages, as JSON")
    func localizationTable() throws {
        let ru = ContractMessageTexts.localizationTable(.ru)
        let en = ContractMessageTexts.localizationTable(.en)
        #expect(ru.count == ContractMessageKey.allCases.count + 5 + 2 + 4 + 8 + 4)
        #expect(Set(ru.keys) == Set(en.keys))
        #expect(ru["contract.status.accepted"] == "Принят СК")
        #expect(en["contract.payment.unpaid"] == "Unpaid")
        #expect(ru["contract.back_office_status.handedToAgent"] == "Передано агенту")
        #expect(ru["contract.action.markErroneous"] == "Перевести в ошибочный")
        #expect(ru["contract.stay_document.temporaryResidencePermit"] == "Разрешение на временное проживание в РФ")
        let json = try JSONEncoder().encode(ru)
        #expect(try JSONDecoder().decode([String: String].self, from: json) == ru)
    }

    @Test("Every key the validators emit is known", arguments: [
        ContractFixtures.validate(ContractPerson()),
        ContractFixtures.validate(ContractFixtures.foreignPerson(stay: StayDocument(kind: .visa))),
        ContractDraftValidator.validate(ContractDraft(insured: [], beneficiaries: [Beneficiary(share: 5)]), today: ContractFixtures.today),
        BlankRangeValidator.validate(BlankRange(agreementNumber: "", productCode: "", first: "x", last: "1"), against: []),
    ])
    func emittedKeysAreKnown(errors: [FieldError]) {
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(ContractMessageKey(rawValue: error.key) != nil, "\(error.key)")
            #expect(ContractMessages.render(error) != error.key)
        }
    }

    @Test("Dates read as ДД.ММ.ГГГГ, statuses and actions by name, totals with a comma in Russian")
    func arguments() {
        let before14 = FieldError("insured[0].documents.passport.issueDate", .passportIssuedBefore14, ["date": "2006-01-01"])
        #expect(ContractMessages.render(before14) == "Паспорт выдается с 14 лет: дата выдачи не может быть раньше 01.01.2006")
        #expect(ContractMessages.render(TransitionRefusal.signNotDraft(.accepted), language: .en)
                == "Only a draft can be signed; the contract is “Accepted by the insurer”")
        #expect(ContractMessages.render(TransitionRefusal.roleNotAllowed(.markErroneous, .system))
                == "Действие «Перевести в ошибочный» недоступно для вашей роли")
        let total = FieldError("beneficiaries", .beneficiarySharesTotal, ["total": "99.99"])
        #expect(ContractMessages.render(total) == "Сумма долей выгодоприобретателей должна быть ровно 100 %, сейчас 99,99 %")
        #expect(ContractMessages.render(total, language: .en).hasSuffix("now 99.99 %"))
    }

    @Test("A template from the app's ru.json is filled the same way")
    func fillTemplate() {
        let template = "Срок действия истек {date}"
        #expect(ContractMessages.fill(template, arguments: ["date": "2022-10-19"]) == "Срок действия истек 19.10.2022")
        #expect(ContractMessages.fill("{status}", arguments: ["status": "draft"], language: .en) == "Draft")
        #expect(ContractMessages.fill("{country}", arguments: ["country": "KZ"]) == "Казахстан")
    }

    @Test("An unknown key shows itself")
    func unknownKey() {
        #expect(ContractMessages.render(key: "contract.nope") == "contract.nope")
    }

    @Test("Countries: the seed's examples are on the list, Russia first, codes unique")
    func countries() {
        #expect(Country.all.first?.code == "RU")
        #expect(Set(Country.all.map(\.code)).count == Country.all.count)
        #expect(Country.all.allSatisfy { $0.code.count == 2 && $0.code == $0.code.uppercased() })
        for code in ["RU", "BY", "KZ", "UZ", "TJ", "KG", "AM", "AZ", "UA", "MD", "GE", "CN", "US", "DE", "BR"] {
            #expect(Country.isKnown(code), "\(code)")
        }
        #expect(Country.name(of: "us", language: .ru) == "Соединенные Штаты Америки")
        #expect(Country.name(of: "BR", language: .en) == "Brazil")
        #expect(Country.name(of: "XX", language: .ru) == "XX")
    }
}
