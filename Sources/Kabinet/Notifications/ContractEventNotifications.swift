import Fluent
import Foundation
import KabinetDomain

/// Tells the contract's owner (the agent who issued it) that the client signed or paid, so they need not watch
/// the card. Once per contract and event: a repeated provider callback or a second «signed» write notifies nobody.
///
/// Call inside the transaction that records the event (pass that `db`): the notification and its e-mail commit
/// with the status change, or not at all.
enum ContractEventNotifications {
    /// After the contract became «Подписан».
    static func signed(_ contract: Contract, on db: any Database) async throws {
        let id = try contract.requireID()
        try await Notifier(database: db).notify(
            contract.ownerID, kind: NotificationKind.contractSigned.code, titleKey: "notification.contract_signed.title",
            bodyKey: "notification.contract_signed.body", arguments: [contract.number ?? "—", contract.policyholderName],
            link: "/contracts/\(id)", eventKey: "contract.signed:\(id)")
    }

    /// After the contract became «Оплачен»; `amount` is what arrived (the contract's paid amount when nil).
    static func paid(_ contract: Contract, amount: Money? = nil, on db: any Database) async throws {
        let id = try contract.requireID()
        let money = amount ?? contract.paidAmount ?? contract.premium
        try await Notifier(database: db).notify(
            contract.ownerID, kind: NotificationKind.contractPaid.code, titleKey: "notification.contract_paid.title",
            bodyKey: "notification.contract_paid.body",
            arguments: [contract.number ?? "—", money.map { $0.formatted(.russian) } ?? "—"],
            link: "/contracts/\(id)", eventKey: "contract.paid:\(id)")
    }
}
