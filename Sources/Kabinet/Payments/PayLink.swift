import Fluent
import Foundation
import KabinetDomain

/// What other modules use of payments: the «Оплатить премию» link for e-mail 3, and the contract's payment
/// attempts for the agent's card. The link is a `ContractLinks` `.pay` link (30 days, usable until paid).
enum PayLink {
    /// Issues a new pay link of the contract and returns the full address to put behind «Оплатить премию».
    static func issue(contractID: UUID, signingID: UUID?, baseURL: String, on database: any Database,
                      now: Date = Date()) async throws -> String {
        let token = try await ContractLinks(database: database)
            .issue(.pay, contractID: contractID, signingID: signingID, now: now)
        return PayPageController.url(token: token, baseURL: baseURL)
    }
}

/// One payment attempt as the agent's card lists it.
struct ContractPaymentRow: Encodable, Sendable {
    var createdAt: String
    var method: String
    var provider: String
    var amount: String
    /// `Payment.Status` raw value; the card translates it with "payments.status.<value>".
    var status: String
    var paidAt: String?

    /// The contract's attempts, newest first (a declined one, then the paid one).
    static func rows(contractID: UUID, on database: any Database) async throws -> [ContractPaymentRow] {
        try await Payment.query(on: database).filter(\.$contract.$id == contractID).filter(\.$providerPaymentID != "")
            .sort(\.$createdAt, .descending).all().map { payment in
                ContractPaymentRow(
                    createdAt: MoscowTime.dateTime(payment.createdAt), method: payment.method.rawValue,
                    provider: payment.provider, amount: payment.amount?.formatted(.russian) ?? "",
                    status: payment.status.rawValue, paidAt: payment.paidAt.map { MoscowTime.dateTime($0) })
            }
    }
}
