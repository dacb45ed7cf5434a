import Fluent
import Foundation
import KabinetDomain

/// Tells the contract's owner (the agent) under the bell that the client paid, so they need not watch the card.
struct PaymentNotices {
    let database: any Database

    func contractPaid(_ contract: Contract, amount: Money?) async throws {
        try await Notifier(database: database).notify(
            contract.ownerID, kind: "contract.paid", titleKey: "payments.notice.paid_title",
            bodyKey: "payments.notice.paid_body",
            arguments: [contract.number ?? "—", amount.map { $0.formatted(.russian) } ?? ""],
            link: "/contracts/\(try contract.requireID())")
    }
}
