import Fluent
import Foundation

/// The last known supply state of one agency agreement and product: «ok», «заканчиваются» or «закончились».
///
/// Kept so administrators are told once per change, not on every contract saved while numbers run low, and so
/// the БСО page lists an agreement and product that ran out even when no range was ever loaded for it.
final class BlankAlert: Model, @unchecked Sendable {
    static let schema = "blank_alerts"

    @ID var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    @Field(key: "product_code") var productCode: String
    /// `BlankSupply` raw value.
    @Field(key: "state") var state: String
    @Field(key: "changed_at") var changedAt: Date

    init() {}
}

/// How well an agreement and product are supplied with БСО numbers.
enum BlankSupply: String, Codable, CaseIterable, Sendable {
    case ok
    /// «заканчиваются»: `BlankShortageRule` says it is time to load more.
    case low
    /// «закончились»: no contract can be saved.
    case exhausted
}
