import Fluent
import SQLKit

/// The client base: clients, each agent's membership with a comment, phone codes and links to contracts.
struct CreateClients: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ClientRecord.schema)
            .id()
            .field("last_name", .string, .required)
            .field("first_name", .string, .required)
            .field("middle_name", .string, .required)
            .field("search_name", .string, .required)
            .field("birth_date", .string, .required)
            .field("email", .string, .required)
            .field("document_kind", .string)
            .field("document_number", .string)
            .field("document_key", .string, .required)
            .field("document_issue_date", .string)
            .field("phone", .string)
            .field("phone_confirmed_at", .datetime)
            .field("bound_agent_id", .uuid, .references(User.schema, "id"))
            .field("bound_contract_id", .uuid)
            .field("bound_at", .datetime)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema(ClientMembership.schema)
            .id()
            .field("client_id", .uuid, .required, .references(ClientRecord.schema, "id", onDelete: .cascade))
            .field("agent_id", .uuid, .required, .references(User.schema, "id"))
            .field("agency_id", .uuid)
            .field("comment", .string, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "client_id", "agent_id")
            .create()
        try await database.schema(ClientPhoneCode.schema)
            .id()
            .field("agent_id", .uuid, .required)
            .field("phone", .string, .required)
            .field("code_hash", .string, .required)
            .field("salt", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("wrong_attempts", .int, .required)
            .field("used_at", .datetime)
            .create()
        try await database.schema(ClientContractLink.schema)
            .id()
            .field("client_id", .uuid, .required, .references(ClientRecord.schema, "id", onDelete: .cascade))
            .field("contract_id", .uuid, .required, .references(Contract.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "client_id", "contract_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // Identity look-ups: a confirmed phone is one person; name + birth date (+ document) otherwise.
        try await sql.create(index: "clients_phone").unique().on(ClientRecord.schema).column("phone").run()
        try await sql.create(index: "clients_identity").on(ClientRecord.schema).column("search_name").column("birth_date").run()
        try await sql.create(index: "client_members_agent").on(ClientMembership.schema).column("agent_id").run()
        try await sql.create(index: "client_members_agency").on(ClientMembership.schema).column("agency_id").run()
        try await sql.create(index: "client_phone_codes_agent").on(ClientPhoneCode.schema).column("agent_id").column("phone").run()
        try await sql.create(index: "client_contracts_contract").on(ClientContractLink.schema).column("contract_id").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [ClientContractLink.schema, ClientPhoneCode.schema,
                       ClientMembership.schema, ClientRecord.schema] {
            try await database.schema(schema).delete()
        }
    }
}
