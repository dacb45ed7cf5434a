import Fluent
import Foundation
import KabinetDomain
import Vapor

@testable import Kabinet

/// Eight contracts of four sellers in two agencies, written straight through the model, so every filter of the
/// list has an exact expected answer:
///
/// | №          | seller  | policyholder           | product   | status / payment        | work | issued (Moscow) |
/// |------------|---------|------------------------|-----------|-------------------------|------|-----------------|
/// | 5520000001 | agent   | Семёнов Иван Петрович  | product-1 | accepted / paid         |      | today           |
/// | 5520000002 | agent   | Иванова Анна Сергеевна | product-2 | draft / unpaid          | yes  | 3 days ago      |
/// | 5520000003 | agent2  | СЕМЕНОВА Мария Ивановна| product-1 | signed / unpaid         |      | 20 days ago     |
/// | 5520000004 | agent2  | Петров Пётр Петрович   | product-3 | erroneous (acc.) / paid |      | 100 days ago    |
/// | 5520000005 | agent3  | Семенов Олег Олегович  | product-1 | accepted / paid         |      | 2 days ago      |
/// | 5520000006 | agent3  | Кузнецов Сергей Иванович| product-2| cancelled / unpaid      |      | 400 days ago    |
/// | 5520000007 | partner | Иванов Юрий Германович | product-1 | signed / paid           | yes  | 6 days ago      |
/// | 5510000008 | agent   | Ёлкин Фёдор Фёдорович  | product-3 | accepted / paid         |      | 31 days ago     |
enum ContractListFixture {
    struct Spec {
        var number: String
        var owner: String
        var name: String
        var product: String
        var state: ContractState
        var daysAgo: Int
    }

    static let specs: [Spec] = [
        Spec(number: "5520000001", owner: "agent", name: "Семёнов Иван Петрович", product: "product-1",
            state: ContractState(status: .accepted, payment: .paid), daysAgo: 0),
        Spec(number: "5520000002", owner: "agent", name: "Иванова Анна Сергеевна", product: "product-2",
            state: ContractState(requiredWork: "Приложить копию паспорта"), daysAgo: 3),
        Spec(number: "5520000003", owner: "agent2", name: "СЕМЕНОВА Мария Ивановна", product: "product-1",
            state: ContractState(status: .signed), daysAgo: 20),
        Spec(number: "5520000004", owner: "agent2", name: "Петров Пётр Петрович", product: "product-3",
            state: ContractState(status: .erroneous, payment: .paid, erroneousFrom: .accepted), daysAgo: 100),
        Spec(number: "5520000005", owner: "agent3", name: "Семенов Олег Олегович", product: "product-1",
            state: ContractState(status: .accepted, payment: .paid), daysAgo: 2),
        Spec(number: "5520000006", owner: "agent3", name: "Кузнецов Сергей Иванович", product: "product-2",
            state: ContractState(status: .cancelled), daysAgo: 400),
        Spec(number: "5520000007", owner: "partner", name: "Иванов Юрий Германович", product: "product-1",
            state: ContractState(status: .signed, payment: .paid, requiredWork: "Уточнить адрес"), daysAgo: 6),
        Spec(number: "5510000008", owner: "agent", name: "Ёлкин Фёдор Фёдорович", product: "product-3",
            state: ContractState(status: .accepted, payment: .paid), daysAgo: 31),
    ]

    /// Writes the contracts; returns their ids by number.
    @discardableResult
    static func insert(_ app: Application, _ specs: [Spec] = specs) async throws -> [String: UUID] {
        let catalog = try await ProductCatalogStore.catalog(app)
        let today = CalendarDate(Date(), timeZone: MoscowTime.zone)
        var ids: [String: UUID] = [:]
        for spec in specs {
            let owner = try await app.user(spec.owner)
            guard let product = catalog.product(spec.product, on: today) else { throw TestFailure("no \(spec.product)") }
            let contract = Contract()
            contract.number = spec.number
            contract.ownerID = try owner.requireID()
            contract.agencyID = owner.$agency.id
            contract.officeID = owner.$office.id
            contract.productCode = product.code
            contract.productName = product.name
            contract.productVersion = product.version
            contract.state = spec.state
            contract.policyholderName = spec.name
            contract.policyholderSearch = SearchText.normalize(spec.name)
            contract.insuredCount = 1
            contract.premiumMinor = 10_000_000
            contract.currency = product.currency.rawValue
            contract.frequency = PaymentFrequency.annual.rawValue
            contract.sumInsuredMinor = 60_000_000
            contract.startDate = GeneratedContractFactory.noonUTC(today.adding(days: 1))
            contract.endDate = GeneratedContractFactory.noonUTC(today.adding(years: 5))
            contract.issuedAt = MoscowTime.start(of: today.adding(days: -spec.daysAgo)).addingTimeInterval(60)
            if spec.state.payment == .paid {
                contract.paidAt = contract.issuedAt.addingTimeInterval(3600)
                contract.paidAmountMinor = contract.premiumMinor
            }
            contract.data = try ContractData(draft: ContractDraft(insured: []), quoteInput: nil).json()
            try await contract.create(on: app.db)
            ids[spec.number] = try contract.requireID()
        }
        return ids
    }

    /// The numbers of the fixture's contracts by their last digit: `numbers(1, 3)` is ["5520000001", "5520000003"].
    static func numbers(_ digits: Int...) -> Set<String> {
        Set(digits.map { digit in specs.first { $0.number.hasSuffix(String(digit)) }!.number })
    }

    static let all = Set(specs.map(\.number))
}

extension APIClient {
    /// The numbers of every contract `GET /api/v1/contracts?query` returns (one page of up to 100).
    func contractNumbers(_ query: String = "") async throws -> Set<String> {
        let response = try await get("/api/v1/contracts?size=100" + (query.isEmpty ? "" : "&" + query))
        guard response.status == .ok else { throw TestFailure("\(query): \(response.status) \(response.text)") }
        return Set((response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String })
    }

    /// The numbers in the order of the answer.
    func orderedContractNumbers(_ query: String) async throws -> [String] {
        let response = try await get("/api/v1/contracts?" + query)
        guard response.status == .ok else { throw TestFailure("\(query): \(response.status) \(response.text)") }
        return (response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["number"] as? String }
    }
}

extension String {
    /// Percent-encodes a query value (Cyrillic, spaces).
    var queryEncoded: String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? self
    }
}
