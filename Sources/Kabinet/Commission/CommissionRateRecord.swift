import Fluent
import Foundation
import KabinetDomain

/// A stored commission (КВ) rate of one product under one agency agreement. Days are ISO text ("2026-10-01"):
/// a rate is valid for calendar days in Moscow, text compares in order, and no time zone can shift it.
final class CommissionRateRecord: Model, @unchecked Sendable {
    static let schema = "commission_rates"

    @ID var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "product_code") var productCode: String
    /// The exact percentage as text ("12.5"): a database float would lose the kopecks.
    @Field(key: "percent") var percent: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_to") var validTo: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "closed_by") var closedBy: String?

    init() {}

    init(agreementID: UUID, rate: CommissionRate, createdBy: String, now: Date = Date()) {
        self.agreementID = agreementID
        self.productCode = rate.productCode
        self.percent = rate.percentText
        self.validFrom = rate.validFrom.iso
        self.validTo = rate.validTo?.iso
        self.createdBy = createdBy
        self.createdAt = now
    }

    /// The domain rate, with the agreement's number (the domain knows agreements by number).
    func rate(agreementNumber: String) -> CommissionRate? {
        guard let percent = DecimalRounding.parse(percent), let from = CalendarDate(validFrom) else { return nil }
        return CommissionRate(id: id, agreement: agreementNumber, productCode: productCode, percent: percent,
                              validFrom: from, validTo: validTo.flatMap(CalendarDate.init))
    }
}

/// Loads rates as domain values, agreements resolved to their numbers.
enum CommissionRateStore {
    static func rates(on db: any Database, agreementID: UUID? = nil) async throws -> [CommissionRate] {
        let numbers = try await agreementNumbers(on: db)
        let query = CommissionRateRecord.query(on: db)
        if let agreementID { query.filter(\.$agreementID == agreementID) }
        return try await query.all().compactMap { record in
            numbers[record.agreementID].flatMap(record.rate(agreementNumber:))
        }
    }

    static func agreementNumbers(on db: any Database) async throws -> [UUID: String] {
        let agreements = try await AgencyAgreement.query(on: db).all()
        return Dictionary(uniqueKeysWithValues: agreements.compactMap { agreement in agreement.id.map { ($0, agreement.number) } })
    }
}
