import Fluent
import Foundation
import KabinetDomain
import Vapor
import VaporTesting

@testable import Kabinet

/// Paid contracts and rates for the act tests, written straight into the tables (the contract flow itself is
/// covered by the contracts and payments suites; one test here goes through it end to end).
enum CommissionFixtures {
    /// An instant given as Moscow wall-clock time "2026-10-01 10:00".
    static func moscow(_ text: String) -> Date {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = MoscowTime.zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.date(from: text)!
    }

    static func agreement(_ app: Application, _ number: String) async throws -> AgencyAgreement {
        guard let agreement = try await AgencyAgreement.query(on: app.db).filter(\.$number == number).first()
        else { throw TestFailure("no agreement \(number)") }
        return agreement
    }

    /// Replaces the demo rates of an agreement with these (product, percent, from, to).
    static func setRates(_ app: Application, _ number: String, _ rates: [(String, String, String, String?)]) async throws {
        let agreement = try await agreement(app, number)
        try await CommissionRateRecord.query(on: app.db).filter(\.$agreementID == agreement.requireID()).delete()
        for (product, percent, from, to) in rates {
            let rate = CommissionRate(agreement: number, productCode: product, percent: Decimal(string: percent)!,
                                      validFrom: CalendarDate(from)!, validTo: to.flatMap(CalendarDate.init))
            try await CommissionRateRecord(agreementID: agreement.requireID(), rate: rate, createdBy: "test").create(on: app.db)
        }
    }

    /// A contract of `login`'s agency under `number`, paid `paidMinor` kopecks at `paidAt` (Moscow), or unpaid.
    @discardableResult
    static func contract(_ app: Application, login: String = "agent", agreement number: String, product: String = "product-1",
                         number contractNumber: String, holder: String = "Иванов Юрий Германович", paidMinor: Int64,
                         paidAt: String?, currency: String = "RUB") async throws -> Contract {
        guard let owner = try await User.query(on: app.db).filter(\.$login == login).first() else { throw TestFailure("no \(login)") }
        let agreement = try await agreement(app, number)
        let contract = Contract()
        contract.number = contractNumber
        contract.ownerID = try owner.requireID()
        contract.agencyID = agreement.$agency.id
        contract.agreementID = try agreement.requireID()
        contract.productCode = product
        contract.productName = "Продукт \(product.split(separator: "-").last ?? "")"
        contract.productVersion = "1"
        contract.state = ContractState(status: .accepted, payment: paidAt == nil ? .unpaid : .paid)
        contract.policyholderName = holder
        contract.policyholderSearch = SearchText.normalize(holder)
        contract.insuredCount = 1
        contract.premiumMinor = paidMinor
        contract.currency = currency
        contract.frequency = "annual"
        contract.sumInsuredMinor = paidMinor * 10
        contract.startDate = moscow("2026-09-01 12:00")
        contract.endDate = moscow("2031-08-31 12:00")
        contract.issuedAt = moscow("2026-09-01 10:00")
        contract.paidAt = paidAt.map(moscow)
        contract.paidAmountMinor = paidAt == nil ? nil : paidMinor
        contract.data = "{}"
        try await contract.create(on: app.db)
        return contract
    }

    static func acts(_ app: Application) async throws -> [CommissionAct] {
        try await CommissionAct.query(on: app.db).sort(\.$agreementNumber).sort(\.$month).all()
    }

    static func lines(_ app: Application, _ act: CommissionAct) async throws -> [CommissionActLine] {
        try await CommissionActLine.query(on: app.db).filter(\.$actID == act.requireID()).sort(\.$position).all()
    }

    /// Logs in a browser as `login`.
    static func browser(_ app: Application, _ login: String) async throws -> Browser {
        let browser = Browser(app)
        try await browser.login(login)
        return browser
    }

    /// Generates the act of `agreement` for `month` through the back office's form; returns the act's path.
    static func generate(_ browser: Browser, month: String, agreement: String) async throws -> String {
        let response = try await browser.post("/acts/generate", [("month", month), ("agreement", agreement)])
        guard response.status == .seeOther, let location = response.location else {
            throw TestFailure("act not generated: \(response.status) \(response.text.prefix(1500))")
        }
        return location
    }
}
