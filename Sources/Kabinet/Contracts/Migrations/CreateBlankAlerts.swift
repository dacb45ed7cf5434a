import Fluent
import SQLKit

/// Supply states of agreement + product pairs (`BlankAlert`), one row per pair.
struct CreateBlankAlerts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BlankAlert.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(AgencyAgreement.schema, "id"))
            .field("product_code", .string, .required)
            .field("state", .string, .required)
            .field("changed_at", .datetime, .required)
            .unique(on: "agreement_id", "product_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BlankAlert.schema).delete()
    }
}
