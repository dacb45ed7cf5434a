import Fluent
import KabinetDomain

/// Creates the roles table and seeds the built-in roles, so a fresh database is usable before any demo data.
struct CreateRoles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Role.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("is_builtin", .bool, .required)
            .field("permissions", .string, .required)
            .field("scope", .string, .required)
            .unique(on: "code")
            .create()
        for role in BuiltInRole.allCases {
            try await Role(
                code: role.rawValue, name: role.rawValue, isBuiltIn: true,
                permissions: role.permissions, scope: role.scope
            ).create(on: database)
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Role.schema).delete()
    }
}
