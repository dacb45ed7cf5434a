import Fluent
import Foundation
import KabinetDomain
import Vapor
import VaporTesting

@testable import Kabinet

/// The seed's client (Иванов Юрий Германович, the insured and the policyholder) as the contract form posts him,
/// born as in `SeedExample` so the quote and the form agree.
enum ContractExample {
    typealias Seed = SeedExample

    /// A passport issued at 25: well after the 14th birthday, before today.
    static var passportIssued: CalendarDate { Seed.birth.adding(years: 25) }

    /// Every field of the seed's screen for `insured[0]`; `overrides` replace or add fields by name (an empty value
    /// posts an empty field), `removing` drops fields.
    static func form(quote: String?, _ overrides: [String: String] = [:], removing: Set<String> = [],
                     action: String = "save") -> [(String, String)] {
        let person = "insured[0]"
        var fields: [String: String] = [
            "\(person)[lastName]": "Иванов", "\(person)[firstName]": "Юрий", "\(person)[middleName]": "Германович",
            "\(person)[sex]": "male", "\(person)[birthDate]": Seed.birth.russian,
            "\(person)[birthPlace]": "село Приморское", "\(person)[citizenship]": "RU", "\(person)[isPEP]": "no",
            "\(person)[documents][passport][series]": "1010", "\(person)[documents][passport][number]": "101010",
            "\(person)[documents][passport][issueDate]": passportIssued.russian,
            "\(person)[documents][passport][divisionCode]": "220-062",
            "\(person)[documents][passport][issuedBy]": "ТП В С. ХАБАРЫ МРО № 6 УФМС РОССИИ ПО АЛТАЙСКОМУ КРАЮ",
            "\(person)[taxResidency][isUSTaxpayer]": "no", "\(person)[taxResidency][isOtherForeignTaxpayer]": "no",
            "\(person)[contacts][mobile]": "+7 (900) 100-01-01", "\(person)[contacts][email]": "yug@mail.ru",
            "\(person)[contacts][homePhone]": "+7", "\(person)[contacts][workPhone]": "+7",
            "\(person)[addresses][registration][country]": "RU",
            "\(person)[addresses][registration][line]": "г Москва, ул Тестовская",
            "\(person)[addresses][registration][postalCode]": "123112",
            "\(person)[addresses][actualSameAsRegistration]": "1",
            "policyholder[source]": "insured", "policyholder[insuredIndex]": "0",
            "_action": action,
        ]
        if let quote { fields["quote"] = quote }
        fields.merge(overrides) { $1 }
        for name in removing { fields[name] = nil }
        return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Saves the seed quote as the logged-in user and returns its id.
    static func quote(_ browser: Browser, _ overrides: [String: String] = [:]) async throws -> String {
        let path = try await QuoteSavingTests.save(browser, overrides)
        return String(path.dropFirst("/quotes/".count))
    }

    /// Quote → form → «Сохранить»; returns the contract's card path.
    static func issue(_ browser: Browser, quoteOverrides: [String: String] = [:]) async throws -> String {
        let quote = try await quote(browser, quoteOverrides)
        let response = try await browser.post("/contracts/new", form(quote: quote))
        guard response.status == .seeOther, let location = response.location else {
            throw TestFailure("contract not saved: \(response.status) \(response.text.prefix(2000))")
        }
        return location
    }
}

extension Application {
    func contracts() async throws -> [Contract] {
        try await Contract.query(on: db).sort(\.$issuedAt).all()
    }

    func contract(_ path: String) async throws -> Contract {
        let id = UUID(uuidString: String(path.split(separator: "/").last ?? ""))
        guard let id, let contract = try await Contract.find(id, on: db) else { throw TestFailure("no contract \(path)") }
        return contract
    }

    /// Puts a contract into a state the portal reaches through signing and payment (other modules).
    func setState(_ path: String, _ state: ContractState) async throws {
        let contract = try await contract(path)
        contract.state = state
        try await contract.save(on: db)
    }

    /// Taken numbers of the agreement and product.
    func takenNumbers(agreement number: String, product: String = "product-1") async throws -> Int {
        let agreement = try await AgencyAgreement.query(on: db).filter(\.$number == number).first()
        let ranges = try await BlankRangeRecord.query(on: db).filter(\.$agreementID == agreement!.requireID())
            .filter(\.$productCode == product).all()
        return ranges.reduce(0) { $0 + $1.nextOffset }
    }

    func agreementID(_ number: String) async throws -> UUID {
        guard let agreement = try await AgencyAgreement.query(on: db).filter(\.$number == number).first() else {
            throw TestFailure("no agreement \(number)")
        }
        return try agreement.requireID()
    }
}
