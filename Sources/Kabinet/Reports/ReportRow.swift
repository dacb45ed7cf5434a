import Foundation

/// One contract as a report reads it: the hand-picked columns of both report kinds, decoded as plain values
/// (never a Fluent model, never the JSON `data`), so a chunk of thousands costs little to read.
struct ReportRow: Decodable, Sendable, KeysetIdentified {
    var id: UUID
    var number: String?
    var policyholderName: String
    var productCode: String
    var productName: String
    var issuedAt: Date
    var status: String
    var paymentStatus: String
    var ownerID: UUID
    var officeID: UUID?
    var channelID: UUID?
    var premiumMinor: Int64
    var currency: String
    var frequency: String
    var sumInsuredMinor: Int64
    var insuredCount: Int
    var startDate: Date
    var endDate: Date
    var paidAt: Date?
    var paidAmountMinor: Int64?

    enum CodingKeys: String, CodingKey {
        case id, number, status, currency, frequency
        case policyholderName = "policyholder_name", productCode = "product_code", productName = "product_name"
        case issuedAt = "issued_at", paymentStatus = "payment_status", ownerID = "owner_id", officeID = "office_id"
        case channelID = "channel_id", premiumMinor = "premium_minor", sumInsuredMinor = "sum_insured_minor"
        case insuredCount = "insured_count", startDate = "start_date", endDate = "end_date", paidAt = "paid_at"
        case paidAmountMinor = "paid_amount_minor"
    }

    static let columns = CodingKeys.allColumns
}

extension ReportRow.CodingKeys {
    static let allColumns = ["id", "number", "policyholder_name", "product_code", "product_name", "issued_at", "status",
        "payment_status", "owner_id", "office_id", "channel_id", "premium_minor", "currency", "frequency",
        "sum_insured_minor", "insured_count", "start_date", "end_date", "paid_at", "paid_amount_minor"]
}
