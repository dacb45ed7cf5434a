import Fluent
import Foundation
import KabinetDomain

/// One status change as stored: checked by `ContractStateMachine`, claimed against concurrent changes, saved with
/// its history line and audit entry in one transaction. The card's buttons (a user) and the outside facts (the
/// client's SMS code, a provider's callback — role `.system`) both go through here, so the rules and the trail
/// are the same whoever acts.
struct ContractStatusChange {
    var role: ContractRole
    var actorID: UUID?
    var actorLogin: String
    var audit: Audit

    /// `adjust` fills in what the fact brings with it (the amount and date of a payment) before the save.
    func apply(_ action: ContractAction, to contract: Contract, on database: any Database, now: Date = Date(),
               adjust: (@Sendable (Contract) -> Void)? = nil) async throws -> Result<Contract, TransitionRefusal> {
        let before = contract.state
        let transition: ContractTransition
        switch ContractStateMachine.transition(action, from: before, by: role) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let done): transition = done
        }
        let snapshot = Contract.Snapshot(contract)
        contract.state = transition.to
        if action.kind == .pay {
            contract.paidAt = now
            contract.paidAmountMinor = contract.premiumMinor
        }
        adjust?(contract)
        let (audit, actorID, actorLogin) = (audit, actorID, actorLogin)
        try await database.transaction { db in
            try await ContractService.claim(contract, unchangedFrom: before, on: db)
            try await contract.save(on: db)
            let statusChanged = before.status != transition.to.status
            try await ContractHistoryEntry(
                contractID: try contract.requireID(), at: now, actorID: actorID, actorLogin: actorLogin,
                action: action.kind.rawValue,
                fromStatus: statusChanged ? before.status.rawValue : nil,
                toStatus: statusChanged ? transition.to.status.rawValue : nil,
                reason: transition.reason
            ).create(on: db)
            try await audit.on(db).record(
                "contract.\(action.kind.rawValue)", entity: "contract", id: contract.id?.uuidString,
                summary: "Договор № \(contract.number ?? "—"): \(action.kind.russianName)"
                    + (transition.reason.map { " — \($0)" } ?? ""),
                before: snapshot, after: Contract.Snapshot(contract))
            try await WebhookEvents.contract(.contractChanged, contract, action: action.kind.rawValue, at: now, on: db)
        }
        return .success(contract)
    }

    /// The portal acting on a fact from outside; `source` names it in the history («client», «payment:sandbox»).
    static func system(_ source: String, on database: any Database) -> ContractStatusChange {
        ContractStatusChange(role: .system, actorID: nil, actorLogin: source, audit: .system(database, login: source))
    }
}
