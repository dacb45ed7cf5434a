import Fluent
import SQLKit

/// Contracts (`Contract`). Every filter of the contract list has an index that starts with the filtered column
/// and ends with `issued_at`, the default sort, so a filtered, sorted page of a million rows is an index range.
struct CreateContracts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Contract.schema)
            .id()
            .field("number", .string)
            .field("quote_id", .uuid, .references(SavedQuote.schema, "id"))
            .field("owner_id", .uuid, .required, .references(User.schema, "id"))
            .field("agency_id", .uuid, .references(Agency.schema, "id"))
            .field("office_id", .uuid, .references(Office.schema, "id"))
            .field("channel_id", .uuid, .references(SalesChannel.schema, "id"))
            .field("agreement_id", .uuid, .references(AgencyAgreement.schema, "id"))
            .field("product_code", .string, .required)
            .field("product_name", .string, .required)
            .field("product_version", .string, .required)
            .field("status", .string, .required)
            .field("payment_status", .string, .required)
            .field("erroneous_from", .string)
            .field("work_required", .bool, .required)
            .field("work_text", .string)
            .field("policyholder_name", .string, .required)
            .field("policyholder_search", .string, .required)
            .field("insured_count", .int, .required)
            .field("premium_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("frequency", .string, .required)
            .field("sum_insured_minor", .int64, .required)
            .field("start_date", .datetime, .required)
            .field("end_date", .datetime, .required)
            .field("issued_at", .datetime, .required)
            .field("paid_at", .datetime)
            .field("paid_amount_minor", .int64)
            .field("data", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        let table = Contract.schema
        // The number is the БСО number: unique across the company (NULLs, if any, do not collide).
        try await sql.create(index: "contracts_number").unique().on(table).column("number").run()
        for (name, column) in [
            ("contracts_owner_issued", "owner_id"), ("contracts_agency_issued", "agency_id"),
            ("contracts_office_issued", "office_id"), ("contracts_status_issued", "status"),
            ("contracts_payment_issued", "payment_status"), ("contracts_product_issued", "product_code"),
            ("contracts_work_issued", "work_required"),
        ] {
            try await sql.create(index: name).on(table).column(column).column("issued_at").run()
        }
        try await sql.create(index: "contracts_issued").on(table).column("issued_at").run()
        try await sql.create(index: "contracts_policyholder_search").on(table).column("policyholder_search").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Contract.schema).delete()
    }
}
