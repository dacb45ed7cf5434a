import Fluent
import Foundation
import KabinetDomain

/// A contract («договор страхования», ДС): what the agent issued from a saved quote, with its БСО number, the
/// figures the list and the card show in their own columns, and the people (`ContractDraft`) as JSON in `data`.
///
/// The columns the list filters and sorts by are copied out of the JSON on every save (`policyholder_name`,
/// `insured_count`, money in minor units), so a list of a million contracts never decodes `data`.
final class Contract: Model, @unchecked Sendable {
    static let schema = "contracts"

    @ID var id: UUID?
    /// The БСО number, taken from the agreement's range at the first save and kept on every later edit.
    @OptionalField(key: "number") var number: String?
    /// The `SavedQuote` it was issued from.
    @OptionalField(key: "quote_id") var quoteID: UUID?
    /// The user who issued it («Оператор» in the list); visibility follows the owner and their agency.
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "agency_id") var agencyID: UUID?
    /// «Офис»: the owner's office when it was issued.
    @OptionalField(key: "office_id") var officeID: UUID?
    /// «Канал продаж»: the agency's channel.
    @OptionalField(key: "channel_id") var channelID: UUID?
    /// «Номер АД» the contract is issued under; the БСО range is the agreement's.
    @OptionalField(key: "agreement_id") var agreementID: UUID?
    @Field(key: "product_code") var productCode: String
    /// «Продукт» as it was named when priced, so a renamed product does not rename old contracts.
    @Field(key: "product_name") var productName: String
    /// The tariff version it was priced with.
    @Field(key: "product_version") var productVersion: String
    /// `ContractStatus` raw value.
    @Field(key: "status") var status: String
    /// `PaymentStatus` raw value.
    @Field(key: "payment_status") var paymentStatus: String
    /// The status before «Ошибочный» (`ContractStatus` raw value), so the back office can take the mark back.
    @OptionalField(key: "erroneous_from") var erroneousFrom: String?
    /// «Требуется работы по договору».
    @Field(key: "work_required") var workRequired: Bool
    /// «Необходимые работы»: what is to be done; nil when no work is required.
    @OptionalField(key: "work_text") var workText: String?
    /// «ФИО страхователя», «Фамилия Имя Отчество».
    @Field(key: "policyholder_name") var policyholderName: String
    /// `SearchText.normalize(policyholderName)`: surname first, so `LIKE 'prefix%'` finds by the surname's start.
    @Field(key: "policyholder_search") var policyholderSearch: String
    /// «Застрахованных».
    @Field(key: "insured_count") var insuredCount: Int
    /// «Взнос»: the payment per period, in minor units of `currency`.
    @Field(key: "premium_minor") var premiumMinor: Int64
    @Field(key: "currency") var currency: String
    /// «Периодичность оплаты»: `PaymentFrequency` raw value.
    @Field(key: "frequency") var frequency: String
    /// «Страховая сумма» of the main risk, in minor units.
    @Field(key: "sum_insured_minor") var sumInsuredMinor: Int64
    /// «Период страхования»: days stored as noon UTC (`CalendarDay`), so they read the same in every zone.
    @Field(key: "start_date") var startDate: Date
    @Field(key: "end_date") var endDate: Date
    /// «Дата оформления» (UTC instant of the first save).
    @Field(key: "issued_at") var issuedAt: Date
    /// «Дата оплаты».
    @OptionalField(key: "paid_at") var paidAt: Date?
    /// «Поступивший платеж», in minor units.
    @OptionalField(key: "paid_amount_minor") var paidAmountMinor: Int64?
    /// `ContractData` as JSON: the people and the quote's input.
    @Field(key: "data") var data: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var ownership: RecordOwnership { RecordOwnership(ownerID: ownerID, agencyID: agencyID) }

    /// The state the status rules look at.
    var state: ContractState {
        get {
            ContractState(
                status: ContractStatus(rawValue: status) ?? .draft,
                payment: PaymentStatus(rawValue: paymentStatus) ?? .unpaid,
                erroneousFrom: erroneousFrom.flatMap(ContractStatus.init(rawValue:)),
                requiredWork: workRequired ? (workText ?? "") : nil)
        }
        set {
            status = newValue.status.rawValue
            paymentStatus = newValue.payment.rawValue
            erroneousFrom = newValue.erroneousFrom?.rawValue
            workRequired = newValue.requiredWork != nil
            workText = newValue.requiredWork
        }
    }

    var contractStatus: ContractStatus { ContractStatus(rawValue: status) ?? .draft }

    var premium: Money? { money(premiumMinor) }
    var sumInsured: Money? { money(sumInsuredMinor) }
    var paidAmount: Money? { paidAmountMinor.flatMap(money) }

    private func money(_ minor: Int64) -> Money? {
        CurrencyCode(rawValue: currency).map { Money(minorUnits: minor, currency: $0) }
    }

    /// The people and the quote's input, as stored.
    func decodedData() throws -> ContractData {
        try JSONDecoder().decode(ContractData.self, from: Data(data.utf8))
    }
}

/// What `contracts.data` holds: the people of the contract and the quote's input it was priced from.
struct ContractData: Codable, Sendable {
    var draft: ContractDraft
    var quoteInput: QuoteInput?

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
