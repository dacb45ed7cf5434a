import Fluent
import SQLKit

/// БСО ranges (`BlankRangeRecord`). The numbering statement looks ranges up by agreement and product in
/// `first_number` order, which this index serves.
struct CreateBlankRanges: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(BlankRangeRecord.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(AgencyAgreement.schema, "id"))
            .field("product_code", .string, .required)
            .field("first_number", .string, .required)
            .field("last_number", .string, .required)
            .field("next_offset", .int, .required)
            .field("capacity", .int, .required)
            .field("created_at", .datetime)
            .field("created_by", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "blank_ranges_agreement_product").on(BlankRangeRecord.schema)
            .column("agreement_id").column("product_code").column("first_number").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(BlankRangeRecord.schema).delete()
    }
}
