import Fluent
import Foundation
import KabinetDomain

/// A БСО range loaded by the back office for one agency agreement and product: numbers `first_number` …
/// `last_number`, of which the first `next_offset` are already taken. `capacity` is stored so the numbering
/// statement compares two integer columns (`next_offset < capacity`) instead of doing arithmetic on strings.
final class BlankRangeRecord: Model, @unchecked Sendable {
    static let schema = "blank_ranges"

    @ID var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "product_code") var productCode: String
    @Field(key: "first_number") var firstNumber: String
    @Field(key: "last_number") var lastNumber: String
    /// How many numbers of the range are taken (the next free one is at this offset).
    @Field(key: "next_offset") var nextOffset: Int
    /// `last_number - first_number + 1`.
    @Field(key: "capacity") var capacity: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Login of whoever loaded it.
    @Field(key: "created_by") var createdBy: String

    init() {}

    init(agreementID: UUID, productCode: String, first: String, last: String, createdBy: String) {
        self.agreementID = agreementID
        self.productCode = productCode
        self.firstNumber = first
        self.lastNumber = last
        self.nextOffset = 0
        self.capacity = BlankRange(agreementNumber: "", productCode: productCode, first: first, last: last).capacity
        self.createdBy = createdBy
    }

    /// The domain's view of the range, for overlap checks and arithmetic.
    func range(agreementNumber: String) -> BlankRange {
        BlankRange(agreementNumber: agreementNumber, productCode: productCode, first: firstNumber, last: lastNumber)
    }

    var remaining: Int { max(0, capacity - nextOffset) }
}
