import Fluent
import SQLKit

/// Saved quotes (`SavedQuote`), listed newest first per owner or per agency.
struct CreateQuotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(SavedQuote.schema)
            .id()
            .field("owner_id", .uuid, .required, .references(User.schema, "id"))
            .field("agency_id", .uuid, .references(Agency.schema, "id"))
            .field("agreement_id", .uuid, .references(AgencyAgreement.schema, "id"))
            .field("product_code", .string, .required)
            .field("product_version", .string, .required)
            .field("input", .string, .required)
            .field("result", .string, .required)
            .field("total_per_payment_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("insured_last_name", .string, .required)
            .field("insured_first_name", .string, .required)
            .field("insured_middle_name", .string)
            .field("is_policyholder", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        // The list is "newest first" within the actor's visibility: own, agency, or everything.
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "quotes_owner_created").on(SavedQuote.schema).column("owner_id").column("created_at").run()
        try await sql.create(index: "quotes_agency_created").on(SavedQuote.schema).column("agency_id").column("created_at").run()
        try await sql.create(index: "quotes_created").on(SavedQuote.schema).column("created_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SavedQuote.schema).delete()
    }
}
