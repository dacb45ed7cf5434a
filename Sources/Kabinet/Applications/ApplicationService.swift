import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Applications for the web pages: the one way to fetch an application through `Authorizer` (someone else's is
/// 404, so ids cannot be probed), and which types an agent is offered on a contract.
struct ApplicationService {
    let request: Request

    var db: any Database { request.db }

    /// An application the actor may perform `action` on: 404 when missing or not theirs to see, 403 when their
    /// role lacks the grant.
    func find(_ id: UUID?, actor: Actor, for action: SectionAction = .view) async throws -> ContractApplication {
        guard let id, let application = try await ContractApplication.find(id, on: db) else { throw AppError.notFound }
        try Authorizer.require(actor, .view, in: .applications, on: application.ownership)
        try Authorizer.require(actor, action, in: .applications, on: application.ownership)
        return application
    }

    /// The types the actor may file on `contract`: active, open to the actor's sales channel (the agency's channel
    /// when the user has none of their own), and — for «signed only» types — on a signed contract.
    func offeredTypes(actor: Actor, contract: Contract) async throws -> [ApplicationType] {
        let channel = actor.channelID ?? contract.channelID
        return try await ApplicationType.query(on: db).filter(\.$active == true).sort(\.$name).all()
            .filter { $0.isOffered(toChannel: channel, contractStatus: contract.contractStatus) }
    }

    /// Users who may work the queue (their role may change an application's status), for «Исполнитель».
    func operators() async throws -> [User] {
        let roles = try await Role.query(on: db).all()
            .filter { $0.permissions.allows(.applications, .changeStatus) }.map(\.code)
        return try await User.query(on: db).filter(\.$roleCode ~~ roles).filter(\.$status == .active)
            .sort(\.$fullName).all()
    }
}
