import Fluent

struct CreateOrganisation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Company.schema)
            .id()
            .field("name", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(SalesChannel.schema)
            .id()
            .field("company_id", .uuid, .required, .references(Company.schema, "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(Agency.schema)
            .id()
            .field("channel_id", .uuid, .required, .references(SalesChannel.schema, "id"))
            .field("name", .string, .required)
            .field("inn", .string)
            .field("is_active", .bool, .required)
            .create()
        try await database.schema(AgencyAgreement.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, "id"))
            .field("number", .string, .required)
            .field("starts_on", .date, .required)
            .field("ends_on", .date)
            .unique(on: "number")
            .create()
        try await database.schema(Office.schema)
            .id()
            .field("agency_id", .uuid, .required, .references(Agency.schema, "id"))
            .field("name", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        for schema in [Office.schema, AgencyAgreement.schema, Agency.schema, SalesChannel.schema, Company.schema] {
            try await database.schema(schema).delete()
        }
    }
}
