import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The values a document template is filled with, from the contract, its quote and its people.
struct ContractDocumentFilling {
    let application: Application
    let database: any Database

    func make(_ contract: Contract, mark: DocumentFilling.Mark, at date: Date = Date()) async throws -> DocumentFilling {
        let data = try contract.decodedData()
        let holder = data.draft.policyholderPerson
        let settings = application.settings
        let frequency = PaymentFrequency(rawValue: contract.frequency)?.russianName ?? contract.frequency
        let money = { (value: Money?) in value?.formatted(.russian) ?? "—" }
        let owner = try await User.find(contract.ownerID, on: database)
        var values: [String: String] = [
            "number": contract.number ?? "—",
            "company": settings.companyName,
            "product": contract.productName,
            "issued": MoscowTime.date(contract.issuedAt),
            "start": contract.startDay.russian,
            "end": contract.endDay.russian,
            "premium": money(contract.premium),
            "frequency": frequency,
            "sum_insured": money(contract.sumInsured),
            "currency": contract.currency,
            "policyholder": holder?.fullName ?? contract.policyholderName,
            "policyholder_birth": holder?.birthDate?.russian ?? "",
            "policyholder_birthplace": holder?.birthPlace ?? "",
            "policyholder_address": holder?.addresses.registration.line ?? "",
            "email": holder?.contacts.email ?? "",
            "phone": holder.flatMap { RussianPhoneNumber($0.contacts.mobile)?.formatted } ?? "",
            "agent": owner?.fullName ?? "",
            "date": MoscowTime.date(date),
            "insured_count": String(contract.insuredCount),
        ]
        values["beneficiaries"] = data.draft.beneficiaries.isEmpty
            ? "Наследники Застрахованного по закону"
            : data.draft.beneficiaries.map { beneficiary in
                let name = [beneficiary.lastName, beneficiary.firstName, beneficiary.middleName ?? ""]
                    .filter { !$0.isEmpty }.joined(separator: " ")
                return name + (beneficiary.share.map { " — \(ContractForm.shareText($0)) %" } ?? "")
            }.joined(separator: "; ")
        var tables: [String: DocumentFilling.Table] = [
            "insured": DocumentFilling.Table(
                header: ["Застрахованный", "Дата рождения", "Пол"],
                rows: data.draft.insured.map { [$0.fullName, $0.birthDate?.russian ?? "", $0.sex.map { $0 == .male ? "мужской" : "женский" } ?? ""] },
                columnFractions: [0.55, 0.25, 0.2]),
        ]
        if let quoteID = contract.quoteID, let quote = try await SavedQuote.find(quoteID, on: database)?.decodedQuote() {
            tables["risks"] = DocumentFilling.Table(
                header: ["Страховой риск", "Страховая сумма", "Страховая премия"],
                rows: quote.lines.map { [$0.riskName, $0.sumInsured.formatted(.russian), $0.premium.formatted(.russian)] },
                columnFractions: [0.56, 0.22, 0.22])
        }
        return DocumentFilling(values: values, tables: tables, mark: mark, author: settings.companyName, createdAt: date)
    }
}
