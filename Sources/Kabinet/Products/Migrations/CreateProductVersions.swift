import Fluent

/// Tariff versions (`ProductVersion`); one row per product code and version.
struct CreateProductVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ProductVersion.schema)
            .id()
            .field("code", .string, .required)
            .field("version", .string, .required)
            .field("name", .string, .required)
            .field("definition", .string, .required)
            .field("source", .string, .required)
            .field("uploaded_by", .string)
            .field("created_at", .datetime)
            .unique(on: "code", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ProductVersion.schema).delete()
    }
}
