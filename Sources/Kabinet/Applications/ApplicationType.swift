import Fluent
import Foundation
import KabinetDomain

/// A kind of application («Изменение персональных данных», «Заявление на расторжение»…) as the back office
/// configured it: its form's fields, the sales channels whose agents may file it (seed 000: «Доступность…
/// зависит от канала продаж»), whether it needs a signed contract, and what completing it does.
final class ApplicationType: Model, @unchecked Sendable {
    static let schema = "application_types"

    @ID var id: UUID?
    @Field(key: "name") var name: String
    /// `[ApplicationField]` as JSON.
    @Field(key: "fields") var storedFields: String
    /// The `SalesChannel` ids that may use it, as a JSON array; none means nobody can file it yet.
    @Field(key: "channel_ids") var storedChannels: String
    /// `ApplicationEffect` raw value.
    @Field(key: "effect") var effect: String
    /// Only on a signed contract («Подписан», «Принят СК»): there is nothing to change or cancel in a project.
    @Field(key: "signed_only") var signedOnly: Bool
    /// An inactive type keeps its old applications but is no longer offered.
    @Field(key: "active") var active: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(name: String, fields: [ApplicationField], channelIDs: [UUID], effect: ApplicationEffect = .none,
         signedOnly: Bool, active: Bool = true) {
        self.name = name
        self.effect = effect.rawValue
        self.signedOnly = signedOnly
        self.active = active
        self.fields = fields
        self.channelIDs = channelIDs
    }

    var fields: [ApplicationField] {
        get { (try? JSONDecoder().decode([ApplicationField].self, from: Data(storedFields.utf8))) ?? [] }
        set { storedFields = Self.json(newValue) }
    }

    var channelIDs: [UUID] {
        get { (try? JSONDecoder().decode([UUID].self, from: Data(storedChannels.utf8))) ?? [] }
        set { storedChannels = Self.json(newValue) }
    }

    var applicationEffect: ApplicationEffect { ApplicationEffect(rawValue: effect) ?? .none }

    /// Whether an agent of `channelID` may file it on a contract in `status`.
    func isOffered(toChannel channelID: UUID?, contractStatus: ContractStatus) -> Bool {
        guard active, let channelID, channelIDs.contains(channelID) else { return false }
        return !signedOnly || contractStatus.isSigned
    }

    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// What the audit trail keeps of a type.
    struct Snapshot: Encodable, Sendable {
        var name: String
        var fields: String
        var channels: [UUID]
        var effect: String
        var signedOnly: Bool
        var active: Bool

        init(_ type: ApplicationType) {
            name = type.name
            fields = ApplicationSchemaText.format(type.fields)
            channels = type.channelIDs
            effect = type.effect
            signedOnly = type.signedOnly
            active = type.active
        }
    }
}
