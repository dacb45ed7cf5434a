import Fluent
import Foundation
import KabinetDomain

/// What completing «Изменение персональных данных» does to the contract: the policyholder's new data go into
/// `contracts.data` and the columns copied from it (`policyholder_name`, `policyholder_search` — through
/// `Contract.apply`, the same path as the contract form), with a history line on the card and an audit entry.
enum PersonalDataEffect {
    static let historyAction = "data_changed"

    static func apply(_ application: ContractApplication, actor: Actor, audit: Audit, on db: any Database) async throws {
        let change = PersonalDataChange(answers: application.answers)
        guard !change.isEmpty, let contract = try await Contract.find(application.$contract.id, on: db) else { return }
        let before = Contract.Snapshot(contract)
        let data = try contract.decodedData()
        try contract.apply(change.applied(to: data.draft), quoteInput: data.quoteInput)
        try await contract.save(on: db)
        let contractID = try contract.requireID()
        let labels = try await application.$type.get(on: db).fields
            .filter { field in change.values.keys.contains { $0.rawValue == field.key } }.map(\.label)
        let reason = "Заявление № \(application.number): \(labels.joined(separator: ", "))"
        try await ContractHistoryEntry(contractID: contractID, actorID: actor.userID, actorLogin: actor.login,
                                       action: historyAction, reason: reason).create(on: db)
        try await audit.record(
            "contract.data_changed", entity: "contract", id: contractID.uuidString,
            summary: "Договор № \(contract.number ?? "—"): персональные данные изменены по заявлению № \(application.number)",
            before: before, after: Contract.Snapshot(contract))
        try await WebhookEvents.contract(.contractChanged, contract, action: historyAction, on: db)
    }
}
