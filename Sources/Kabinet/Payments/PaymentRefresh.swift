import Fluent
import Vapor

/// Asks the provider about the contract's payments still waiting, when the client opens the pay page: a client
/// back from the provider's page sees «Договор оплачен» even if the notification is late or lost. What the
/// provider says goes through `PaymentSettlement` under the same event key a notification would have, so the
/// notification arriving later changes nothing.
struct PaymentRefresh {
    let req: Request

    func refresh(_ contract: Contract) async throws {
        guard contract.state.payment == .unpaid else { return }
        let waiting = try await Payment.query(on: req.db).filter(\.$contract.$id == contract.requireID())
            .filter(\.$status == .pending).filter(\.$providerPaymentID != "").sort(\.$createdAt, .descending)
            .limit(3).all()
        for payment in waiting {
            guard let provider = req.paymentProviders.named(payment.provider) else { continue }
            do {
                let fact = try await provider.status(of: payment.providerPaymentID, client: req.client)
                guard fact.status != .pending else { continue }
                let verified = VerifiedNotification(
                    eventKey: "\(provider.name):\(fact.id):\(fact.status.rawValue)", payment: fact)
                try await PaymentSettlement(database: req.db, logger: req.logger)
                    .settle(verified, provider: provider.name, body: "status query")
            } catch {
                // The page still shows; the notification will settle it.
                req.logger.warning("payment status query failed for \(payment.providerPaymentID): \(error)")
            }
        }
    }
}
