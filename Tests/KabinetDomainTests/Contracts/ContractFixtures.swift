import Foundation
@testable import KabinetDomain

/// The seed's example client and a foreign citizen, valid as they are; tests break one thing at a time.
enum ContractFixtures {
    /// «Дата оформления: 20.10.2022» on the seed's contract card.
    static let today = day("20.10.2022")

    /// A date from ДД.ММ.ГГГГ; traps on a typo in a test.
    static func day(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// «Договор № 5520000400»: Иванов Юрий Германович exactly as the seed's form shows him.
    static func seedPerson() -> ContractPerson {
        ContractPerson(
            lastName: "Иванов", firstName: "Юрий", middleName: "Германович", sex: .male,
            birthDate: day("01.01.1992"), birthPlace: "село Приморское", citizenship: "RU", isPEP: false,
            documents: PersonDocuments(passport: RussianPassport(
                series: "1010", number: "101010", issueDate: day("01.01.2020"), divisionCode: "220-062",
                issuedBy: "ТП В С. ХАБАРЫ МРО № 6 УФМС РОССИИ ПО АЛТАЙСКОМУ КРАЮ")),
            contacts: ContactDetails(mobile: "+7 (900) 100-01-01", email: "yug@mail.ru", homePhone: "+7", workPhone: "+7"),
            addresses: PersonAddresses(
                registration: PostalAddress(country: "RU", line: "г Москва, ул Тестовская", postalCode: "123112"),
                actualSameAsRegistration: false,
                actual: PostalAddress(country: "RU", line: "г Москва, Дербеневская набережная д. 7, стр. 22, кв. 11")))
    }

    /// A citizen of Brazil (the seed's example country) with a foreign passport and a migration card.
    static func foreignPerson(stay: StayDocument? = migrationCard()) -> ContractPerson {
        var person = seedPerson()
        person.lastName = "Silva"
        person.firstName = "João"
        person.middleName = nil
        person.citizenship = "BR"
        person.documents = PersonDocuments(
            foreignPassport: ForeignPassport(country: "BR", number: "FT123456", issueDate: day("10.10.2020"),
                                             issuedBy: "Бразилия"),
            stayDocument: stay)
        return person
    }

    static func migrationCard() -> StayDocument {
        StayDocument(kind: .migrationCard, series: "4619", number: "1234567", validFrom: day("01.10.2022"),
                     validUntil: day("29.12.2022"))
    }

    static func beneficiary(_ share: String, lastName: String = "Иванова") -> Beneficiary {
        Beneficiary(lastName: lastName, firstName: "Мария", middleName: "Ивановна", birthDate: day("05.05.1995"),
                    share: Decimal(string: share))
    }

    static func validate(_ person: ContractPerson, today: CalendarDate = today) -> [FieldError] {
        ContractPersonValidator.validate(person, today: today)
    }
}

extension Array where Element == FieldError {
    /// "field: key" pairs, the easiest thing to compare in an expectation.
    var pairs: [String] { map { "\($0.field): \($0.key)" } }

    func keys(at field: String) -> [String] { filter { $0.field == field }.map(\.key) }
}

extension Result {
    /// The failure, nil on success: `#expect(x.refusal == .format)`.
    var refusal: Failure? { if case .failure(let error) = self { error } else { nil } }
    /// The value, nil on failure.
    var accepted: Success? { if case .success(let value) = self { value } else { nil } }
}
