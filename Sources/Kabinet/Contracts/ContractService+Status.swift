import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Vapor

extension Actor {
    /// How the status rules see this user: anyone working for a partner agency sells (agent, partner admin); the
    /// company's own staff (operator, team lead, head, administrator) are the back office.
    var contractRole: ContractRole { subject.agencyID != nil ? .seller : .backOffice }
}

/// «Изменить статус»: one status change, checked by `ContractStateMachine` and stored with its history line and
/// audit entry in one transaction.
extension ContractService {
    func change(_ contract: Contract, _ action: ContractAction, actor: Actor) async throws
        -> Result<Contract, TransitionRefusal>
    {
        try Authorizer.require(actor, .changeStatus, in: .contracts, on: contract.ownership)
        let before = contract.state
        let transition: ContractTransition
        switch ContractStateMachine.transition(action, from: before, by: actor.contractRole) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let done): transition = done
        }
        let snapshot = Contract.Snapshot(contract)
        let now = Date()
        contract.state = transition.to
        if action.kind == .pay {
            contract.paidAt = now
            contract.paidAmountMinor = contract.premiumMinor
        }
        let audit = request.audit
        try await db.transaction { db in
            try await Self.claim(contract, unchangedFrom: before, on: db)
            try await contract.save(on: db)
            let statusChanged = before.status != transition.to.status
            try await ContractHistoryEntry(
                contractID: try contract.requireID(), at: now, actorID: actor.userID, actorLogin: actor.login,
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
        }
        return .success(contract)
    }

    /// Takes the row for this transaction only if its status is still what the decision was made on; otherwise
    /// someone changed it meanwhile and the user is asked to look again (409) rather than overwrite it.
    static func claim(_ contract: Contract, unchangedFrom state: ContractState, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let claimed = try await SQLiteContention.retrying {
            try await sql.raw("""
                UPDATE contracts SET updated_at = \(bind: Date()) \
                WHERE id = \(bind: try contract.requireID()) AND status = \(bind: state.status.rawValue) \
                AND payment_status = \(bind: state.payment.rawValue) AND work_required = \(bind: state.isWorkRequired) \
                RETURNING id
                """).first()
        }
        if claimed == nil { throw AppError.message(.conflict, key: ContractFormMessage.changedMeanwhile) }
    }
}
