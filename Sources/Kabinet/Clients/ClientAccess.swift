import Fluent
import Foundation
import KabinetDomain
import Vapor

/// A client as one actor may see it: the record, the actor's own membership (their base and comment), and
/// whether the binding locks the actor out. Every client page loads the client through here.
struct VisibleClient {
    let client: ClientRecord
    /// The actor's own entry in their base; nil for a partner or the back office looking at someone else's.
    let membership: ClientMembership?
    /// Set when the client is bound to another agent: no editing, no policies from this portal.
    let lock: ClientRules.Lock?

    var id: UUID { client.id! }
}

enum ClientAccess {
    /// Loads the client in the URL for `action`, answering 404 when no membership of the client is visible to the
    /// actor (an agent sees only their own base), so ids cannot be probed. Decided by `Authorizer`.
    static func load(_ req: Request, _ action: SectionAction, refresh: Bool = true) async throws -> VisibleClient {
        let actor = try req.actor
        try Authorizer.require(actor, action, in: .clients)
        guard let id = req.parameters.get("id", as: UUID.self), let client = try await ClientRecord.find(id, on: req.db) else {
            throw AppError.notFound
        }
        return try await visible(client, to: actor, action, on: req.db, refresh: refresh)
    }

    static func visible(_ client: ClientRecord, to actor: Actor, _ action: SectionAction, on db: any Database,
                        refresh: Bool = true) async throws -> VisibleClient {
        let members = try await ClientMembership.query(on: db).filter(\.$client.$id == client.requireID()).all()
        let own = members.first { $0.agentID == actor.userID }
        let seen = own ?? members.first { Authorizer.may(actor, action, in: .clients, on: $0.ownership) }
        guard let seen else { throw AppError.notFound }
        try Authorizer.require(actor, action, in: .clients, on: seen.ownership)
        if refresh { try await ClientContracts(database: db).refresh(client) }
        return VisibleClient(client: client, membership: own,
                             lock: ClientRules.lock(boundAgent: client.boundAgentID, for: actor.userID))
    }

    /// Refuses a change (edit, «+ Оформить») to a client bound to another agent, with the reason as the message.
    static func requireUnlocked(_ visible: VisibleClient) throws {
        if visible.lock != nil { throw AppError.message(.conflict, key: "clients.locked") }
    }

    /// The filter of the client list: clients with a membership the actor may see (the same rule as `load`).
    static func visibleMemberships(_ actor: Actor, on db: any Database) -> QueryBuilder<ClientMembership> {
        let query = ClientMembership.query(on: db)
        switch actor.subject.visibility {
        case .everything: return query
        case .agency(let agency): return query.filter(\.$agencyID == agency)
        case .owners(let owners): return query.filter(\.$agentID ~~ Array(owners))
        }
    }
}

extension Authorizer {
    /// The record-level question without throwing, for picking which membership makes a client visible.
    static func may(_ actor: Actor, _ action: SectionAction, in section: Section, on record: RecordOwnership) -> Bool {
        actor.subject.may(action, in: section, on: record)
    }
}
