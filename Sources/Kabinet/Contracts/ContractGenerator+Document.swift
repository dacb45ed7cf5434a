import Foundation
import KabinetDomain

extension GeneratedContractFactory {
    static let cities = ["г Москва", "г Санкт-Петербург", "г Казань", "г Новосибирск", "г Екатеринбург", "г Тверь",
        "г Самара", "г Воронеж"]
    static let streets = ["ул Ленина", "ул Тестовская", "пр-т Мира", "ул Садовая", "Дербеневская наб", "ул Гагарина"]

    /// `contracts.data`: the insured people (the first is the policyholder and is priced), and the quote's input, so
    /// the card of a generated contract reads like one filled in by hand.
    mutating func document(_ people: [GeneratedPeople.Person], product: ProductDefinition, start: CalendarDate,
        frequency: PaymentFrequency, term: Int, premium: Int64) throws -> String
    {
        var insured: [ContractPerson] = []
        for who in people { insured.append(contractPerson(who, product: product, start: start)) }
        let first = insured[0]
        let input = QuoteInput(
            productCode: product.code, startDate: start.iso, frequency: frequency.rawValue, term: String(term),
            premium: String(premium / product.currency.minorUnitsPerMajor), basis: "premium", sex: people[0].sex.rawValue,
            birthDate: first.birthDate?.iso ?? "", risks: product.risks.map(\.code))
        return try ContractData(draft: ContractDraft(insured: insured), quoteInput: input).json()
    }

    /// One insured person of age within the product's limits, with a passport, contacts and an address.
    private mutating func contractPerson(_ who: GeneratedPeople.Person, product: ProductDefinition, start: CalendarDate)
        -> ContractPerson
    {
        let age = Int.random(in: max(18, product.insuredAge.minAtStart)...max(18, min(60, product.insuredAge.maxAtStart)), using: &random)
        let birth = start.adding(years: -age).adding(days: -Int.random(in: 1...360, using: &random))
        let issued = min(birth.adding(years: age >= 20 ? 20 : 14).adding(days: Int.random(in: 0...300, using: &random)),
            start.adding(days: -30))
        let digits = { (count: Int, random: inout SplitMix64) -> String in
            String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        }
        let city = random.pick(Self.cities)
        let address = "\(city), \(random.pick(Self.streets)), д. \(Int.random(in: 1...120, using: &random)), кв. \(Int.random(in: 1...300, using: &random))"
        return ContractPerson(
            lastName: who.lastName, firstName: who.firstName, middleName: who.middleName, sex: who.sex,
            birthDate: birth, birthPlace: city, citizenship: Country.russiaCode, isPEP: false,
            documents: PersonDocuments(passport: RussianPassport(
                series: digits(4, &random), number: digits(6, &random), issueDate: issued,
                divisionCode: digits(3, &random) + "-" + digits(3, &random), issuedBy: "ОТДЕЛОМ УФМС РОССИИ \(city.uppercased())")),
            contacts: ContactDetails(mobile: "+7 (9\(digits(2, &random))) \(digits(3, &random))-\(digits(2, &random))-\(digits(2, &random))",
                email: "client\(digits(6, &random))@mail.ru"),
            addresses: PersonAddresses(registration: PostalAddress(line: address, postalCode: digits(6, &random)),
                actualSameAsRegistration: true))
    }
}
