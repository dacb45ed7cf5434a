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

/// «Изменить статус» on the card: the user's grant on this contract, then the shared `ContractStatusChange`.
extension ContractService {
    func change(_ contract: Contract, _ action: ContractAction, actor: Actor) async throws
        -> Result<Contract, TransitionRefusal>
    {
        try Authorizer.require(actor, .changeStatus, in: .contracts, on: contract.ownership)
        return try await ContractStatusChange(
            role: actor.contractRole, actorID: actor.userID, actorLogin: actor.login, audit: request.audit
        ).apply(action, to: contract, on: db)
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
