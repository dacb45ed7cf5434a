import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Starts paying a contract by one method, or gives back the payment already waiting for the client, so
/// pressing «Оплатить СБП» twice (or on two tabs) never makes two payments at the provider.
///
/// The idempotence key is "contract:method:attempt", where attempt counts the earlier payments of that method:
/// the same attempt sent twice (a retry after a timeout) is the same payment at the provider, and a new one is
/// only made after the previous ended (declined, expired).
struct PaymentStarter {
    let database: any Database
    let provider: any PaymentProvider
    let client: any Client

    func start(_ contract: Contract, method: Payment.Method, returnURL: String, now: Date = Date()) async throws -> Payment {
        let contractID = try contract.requireID()
        guard let amount = contract.premium else { throw PaymentProviderFailure(reason: "contract has no amount") }
        let earlier = try await Payment.query(on: database).filter(\.$contract.$id == contractID)
            .filter(\.$method == method).all()
        if let waiting = earlier.first(where: {
            $0.status == .pending && $0.provider == provider.name && $0.amountMinor == amount.minorUnits
                && !$0.providerPaymentID.isEmpty
        }) {
            return waiting
        }
        let key = "\(contractID.uuidString.lowercased()):\(method.rawValue):\(earlier.count + 1)"
        let payment = Payment(contractID: contractID, provider: provider.name, idempotenceKey: key, amount: amount,
                              method: method, now: now)
        do {
            try await payment.create(on: database)
        } catch {
            // The same attempt started in another tab a moment ago: that one is the payment.
            if let twin = try await Payment.query(on: database).filter(\.$idempotenceKey == key).first(),
               !twin.providerPaymentID.isEmpty
            {
                return twin
            }
            throw PaymentProviderFailure(reason: "payment being created, try again")
        }
        do {
            let made = try await provider.create(ProviderPaymentRequest(
                amount: amount, description: "Оплата по договору № \(contract.number ?? "—")", idempotenceKey: key,
                returnURL: returnURL, method: method, contractID: contractID), client: client)
            payment.providerPaymentID = made.id
            payment.status = made.status
            payment.confirmationURL = made.confirmationURL
            payment.sbpPayload = made.sbpPayload
            payment.updatedAt = now
            try await payment.save(on: database)
            try await Audit.system(database, login: "payment:\(provider.name)").record(
                "payment.created", entity: "payment", id: payment.id?.uuidString,
                summary: "Платёж \(made.id) (\(method.rawValue)) по договору № \(contract.number ?? "—") на \(amount)")
            return payment
        } catch {
            // The next press repeats the same key, so a payment the provider did make is found, not doubled.
            try? await payment.delete(on: database)
            throw error
        }
    }

    /// The latest payment of the method still waiting for the client, if any.
    static func waiting(for contractID: UUID, method: Payment.Method, on database: any Database) async throws -> Payment? {
        try await Payment.query(on: database).filter(\.$contract.$id == contractID).filter(\.$method == method)
            .filter(\.$status == .pending).filter(\.$providerPaymentID != "").sort(\.$createdAt, .descending).first()
    }
}
