import Fluent
import Foundation
import Vapor

/// What the agent typed on the contract form before pressing «Назад», so the form opens with it again.
///
/// It is not a contract: no number, no status, never listed. One row per user and form ("quote:<id>" for a new
/// contract, "contract:<id>" for an edit); saving the contract removes it, and rows older than `lifetime` are
/// dropped, so personal data typed and abandoned does not linger.
final class ContractFormStash: Model, @unchecked Sendable {
    static let schema = "contract_form_stashes"
    static let lifetime: TimeInterval = 7 * 24 * 3600

    @ID var id: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "form_key") var formKey: String
    /// `ContractForm` as JSON.
    @Field(key: "form") var form: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    static func key(quote id: UUID) -> String { "quote:\(id.uuidString)" }
    static func key(contract id: UUID) -> String { "contract:\(id.uuidString)" }

    /// The form kept under `key`, nil when none or too old.
    static func load(_ key: String, owner: UUID, on db: any Database) async throws -> ContractForm? {
        guard let row = try await query(on: db).filter(\.$ownerID == owner).filter(\.$formKey == key).first(),
              row.updatedAt > Date().addingTimeInterval(-lifetime)
        else { return nil }
        return try? JSONDecoder().decode(ContractForm.self, from: Data(row.form.utf8))
    }

    /// Keeps `form` under `key`, replacing an earlier one, and drops this user's stale rows.
    static func keep(_ form: ContractForm, key: String, owner: UUID, on db: any Database) async throws {
        var copy = form
        copy._action = nil
        let json = String(decoding: try JSONEncoder().encode(copy), as: UTF8.self)
        try await db.transaction { db in
            try await discard(key, owner: owner, on: db)
            try await query(on: db).filter(\.$ownerID == owner)
                .filter(\.$updatedAt < Date().addingTimeInterval(-lifetime)).delete()
            let row = ContractFormStash()
            row.ownerID = owner
            row.formKey = key
            row.form = json
            row.updatedAt = Date()
            try await row.create(on: db)
        }
    }

    static func discard(_ key: String, owner: UUID, on db: any Database) async throws {
        try await query(on: db).filter(\.$ownerID == owner).filter(\.$formKey == key).delete()
    }
}
