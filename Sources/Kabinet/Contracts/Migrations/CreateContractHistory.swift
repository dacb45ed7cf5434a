import Fluent
import SQLKit

/// The history lines of each contract (`ContractHistoryEntry`), read in time order on the card.
struct CreateContractHistory: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContractHistoryEntry.schema)
            .id()
            .field("contract_id", .uuid, .required, .references(Contract.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor_login", .string, .required)
            .field("action", .string, .required)
            .field("from_status", .string)
            .field("to_status", .string)
            .field("reason", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "contract_history_contract_at").on(ContractHistoryEntry.schema)
            .column("contract_id").column("at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ContractHistoryEntry.schema).delete()
    }
}
