import Fluent
import SQLKit

/// The client's links, the signings with their codes and events, stored files and e-mail attachments.
struct CreateSigning: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(StoredFile.schema)
            .id()
            .field("contract_id", .uuid, .references(Contract.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("filename", .string, .required)
            .field("content_type", .string, .required)
            .field("sha256", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("signed", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .create()
        try await database.schema(OutboxAttachment.schema)
            .id()
            .field("message_id", .uuid, .required, .references(OutboxMessage.schema, "id", onDelete: .cascade))
            .field("file_id", .uuid, .required, .references(StoredFile.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .create()
        try await database.schema(Signing.schema)
            .id()
            .field("contract_id", .uuid, .required, .references(Contract.schema, "id", onDelete: .cascade))
            .field("email", .string, .required)
            .field("phone", .string, .required)
            .field("stage", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .field("email_confirmed_at", .datetime)
            .field("phone_attempts", .int, .required)
            .field("signed_at", .datetime)
            .field("revoked_at", .datetime)
            .create()
        try await database.schema(SigningCode.schema)
            .id()
            .field("signing_id", .uuid, .required, .references(Signing.schema, "id", onDelete: .cascade))
            .field("contract_id", .uuid, .required)
            .field("code_hash", .string, .required)
            .field("salt", .string, .required)
            .field("phone", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("wrong_attempts", .int, .required)
            .field("used_at", .datetime)
            .create()
        try await database.schema(SigningEvent.schema)
            .id()
            .field("signing_id", .uuid, .required, .references(Signing.schema, "id", onDelete: .cascade))
            .field("contract_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("step", .string, .required)
            .field("ip", .string)
            .field("user_agent", .string)
            .field("detail", .string)
            .create()
        try await database.schema(ContractLink.schema)
            .id()
            .field("contract_id", .uuid, .required, .references(Contract.schema, "id", onDelete: .cascade))
            .field("signing_id", .uuid)
            .field("purpose", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .field("revoked_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        for (name, table, columns) in [
            ("stored_files_contract", StoredFile.schema, ["contract_id", "kind"]),
            ("outbox_attachments_message", OutboxAttachment.schema, ["message_id", "position"]),
            ("signings_contract", Signing.schema, ["contract_id", "created_at"]),
            ("signing_codes_signing", SigningCode.schema, ["signing_id", "sent_at"]),
            ("signing_codes_contract", SigningCode.schema, ["contract_id", "sent_at"]),
            ("signing_events_contract", SigningEvent.schema, ["contract_id", "at"]),
            ("contract_links_contract", ContractLink.schema, ["contract_id", "purpose"]),
        ] {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [ContractLink.schema, SigningEvent.schema, SigningCode.schema, Signing.schema,
                      OutboxAttachment.schema, StoredFile.schema] {
            try await database.schema(table).delete()
        }
    }
}
