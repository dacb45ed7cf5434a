import Fluent
import Foundation
import KabinetDomain

/// A quote the agent kept with «Оформить»: the form as typed, the tariff version and the result exactly as priced.
///
/// The result is stored, not recomputed, so the page shows the same figures after a new tariff version is loaded;
/// `productVersion` says which tariff re-pricing would need. The contracts module continues from this record.
final class SavedQuote: Model, @unchecked Sendable {
    static let schema = "quotes"

    @ID var id: UUID?
    /// The user who priced it; visibility follows the owner and their agency (`Authorizer`).
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "agency_id") var agencyID: UUID?
    /// «Номер АД» the quote is made under.
    @OptionalField(key: "agreement_id") var agreementID: UUID?
    @Field(key: "product_code") var productCode: String
    @Field(key: "product_version") var productVersion: String
    /// `QuoteInput` as JSON.
    @Field(key: "input") var input: String
    /// `Quote` as JSON.
    @Field(key: "result") var result: String
    /// «Разовый взнос» in minor units, for lists and sums without decoding the result.
    @Field(key: "total_per_payment_minor") var totalPerPaymentMinor: Int64
    @Field(key: "currency") var currency: String
    @Field(key: "insured_last_name") var insuredLastName: String
    @Field(key: "insured_first_name") var insuredFirstName: String
    @OptionalField(key: "insured_middle_name") var insuredMiddleName: String?
    /// «Является Страхователем»: the insured also pays (else the contract needs a separate policyholder).
    @Field(key: "is_policyholder") var isPolicyholder: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    var ownership: RecordOwnership { RecordOwnership(ownerID: ownerID, agencyID: agencyID) }

    /// «Иванов Юрий Германович».
    var insuredFullName: String {
        [insuredLastName, insuredFirstName, insuredMiddleName ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    }

    var totalPerPayment: Money? {
        CurrencyCode(rawValue: currency).map { Money(minorUnits: totalPerPaymentMinor, currency: $0) }
    }

    func decodedInput() throws -> QuoteInput {
        try JSONDecoder().decode(QuoteInput.self, from: Data(input.utf8))
    }

    func decodedQuote() throws -> Quote {
        try JSONDecoder().decode(Quote.self, from: Data(result.utf8))
    }
}
