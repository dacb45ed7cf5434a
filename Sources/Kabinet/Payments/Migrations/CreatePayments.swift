import Fluent

/// Payments, the notifications received about them, and the built-in sandbox provider's own payments.
struct CreatePayments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Payment.schema)
            .id()
            .field("contract_id", .uuid, .required, .references(Contract.schema, "id", onDelete: .cascade))
            .field("provider", .string, .required)
            .field("provider_payment_id", .string, .required)
            .field("idempotence_key", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("status", .string, .required)
            .field("method", .string, .required)
            .field("confirmation_url", .string)
            .field("sbp_payload", .string)
            .field("created_at", .datetime, .required)
            .field("paid_at", .datetime)
            .field("updated_at", .datetime, .required)
            .unique(on: "idempotence_key")
            .create()
        try await database.schema(PaymentNotification.schema)
            .id()
            .field("provider", .string, .required)
            .field("event_key", .string, .required)
            .field("payment_id", .uuid)
            .field("received_at", .datetime, .required)
            .field("outcome", .string, .required)
            .field("body_excerpt", .string, .required)
            .unique(on: "event_key")
            .create()
        try await database.schema(SandboxPayment.schema)
            .field("id", .string, .identifier(auto: false))
            .field("idempotence_key", .string, .required)
            .field("qrc_id", .string, .required)
            .field("amount_minor", .int64, .required)
            .field("currency", .string, .required)
            .field("description", .string, .required)
            .field("return_url", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "idempotence_key")
            .unique(on: "qrc_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(SandboxPayment.schema).delete()
        try await database.schema(PaymentNotification.schema).delete()
        try await database.schema(Payment.schema).delete()
    }
}
