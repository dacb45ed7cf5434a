import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Applies what a provider vouched for (a verified notification, or the answer to a status query) to the
/// portal's books, exactly once per event: the event key is claimed by inserting the notification row (unique),
/// so a repeated or concurrent delivery finds it taken and changes nothing. Facts that arrive out of order
/// (canceled after succeeded, a second success for an already paid contract) are recorded and ignored.
struct PaymentSettlement {
    let database: any Database
    let logger: Logger

    enum Outcome: Equatable {
        /// This event was handled before.
        case duplicate
        case paid
        case canceled
        /// Recorded, nothing changed (why).
        case ignored(String)
    }

    @discardableResult
    func settle(_ verified: VerifiedNotification, provider: String, body: String, now: Date = Date()) async throws
        -> Outcome
    {
        let fact = verified.payment
        let payment = try await Payment.query(on: database).filter(\.$provider == provider)
            .filter(\.$providerPaymentID == fact.id).first()
        let record = PaymentNotification(provider: provider, eventKey: verified.eventKey, paymentID: payment?.id,
                                         outcome: "processing", body: body, now: now)
        guard try await claim(record) else { return .duplicate }
        do {
            let outcome = try await apply(fact, to: payment, provider: provider, now: now)
            record.outcome = Self.describe(outcome)
            try await record.save(on: database)
            return outcome
        } catch {
            // Let the provider's retry do it again instead of a claimed event that changed nothing.
            try? await record.delete(on: database)
            throw error
        }
    }

    /// Inserts the notification row; false when its event key is already there (a repeat).
    private func claim(_ record: PaymentNotification) async throws -> Bool {
        do {
            try await record.create(on: database)
            return true
        } catch {
            let taken = try await PaymentNotification.query(on: database)
                .filter(\.$eventKey == record.eventKey).count() > 0
            if taken { return false }
            throw error
        }
    }

    private func apply(_ fact: ProviderPayment, to payment: Payment?, provider: String, now: Date) async throws
        -> Outcome
    {
        guard let payment else { return .ignored("unknown payment") }
        switch fact.status {
        case .pending:
            return .ignored("still pending")
        case .canceled:
            guard payment.status == .pending else { return .ignored("payment already \(payment.status.rawValue)") }
            payment.status = .canceled
            payment.updatedAt = now
            try await payment.save(on: database)
            try await audit(provider).record("payment.canceled", entity: "payment", id: payment.id?.uuidString,
                                             summary: "Платёж \(fact.id) отклонён")
            return .canceled
        case .succeeded:
            return try await paid(payment, fact: fact, provider: provider, now: now)
        }
    }

    /// The money arrived: the payment is «succeeded» and the contract «Оплачен» with the payment's amount and time.
    private func paid(_ payment: Payment, fact: ProviderPayment, provider: String, now: Date) async throws -> Outcome {
        if payment.status == .succeeded { return .ignored("payment already succeeded") }
        if let amount = fact.amount, amount.minorUnits != payment.amountMinor || amount.currency.rawValue != payment.currency {
            logger.error("payment \(fact.id): provider reports \(amount), the portal asked \(payment.amountMinor) \(payment.currency)")
            return .ignored("amount differs from the payment")
        }
        guard let contract = try await Contract.find(payment.$contract.id, on: database) else {
            return .ignored("contract gone")
        }
        let paidAt = fact.paidAt ?? now
        let amountMinor = payment.amountMinor
        let change = try await ContractStatusChange.system("payment:\(provider)", on: database)
            .apply(.pay, to: contract, on: database, now: now, adjust: { contract in
                contract.paidAmountMinor = amountMinor
                contract.paidAt = paidAt
            })
        if case .failure(let refusal) = change {
            // Money for a contract that cannot take it (already paid by another payment): the back office refunds.
            logger.warning("payment \(fact.id) succeeded but contract \(contract.number ?? "—") refused it: \(refusal)")
            return .ignored("contract refused payment: \(refusal)")
        }
        payment.status = .succeeded
        payment.paidAt = paidAt
        payment.updatedAt = now
        try await payment.save(on: database)
        try await audit(provider).record("payment.succeeded", entity: "payment", id: payment.id?.uuidString,
                                         summary: "Платёж \(fact.id) по договору № \(contract.number ?? "—") поступил")
        try await ContractEventNotifications.paid(contract, amount: payment.amount, on: database)
        return .paid
    }

    private func audit(_ provider: String) -> Audit { .system(database, login: "payment:\(provider)") }

    static func describe(_ outcome: Outcome) -> String {
        switch outcome {
        case .duplicate: "duplicate"
        case .paid: "paid"
        case .canceled: "canceled"
        case .ignored(let why): "ignored: \(why)"
        }
    }
}

