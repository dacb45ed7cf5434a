import Foundation
import KabinetDomain
import Vapor

/// The logged-in user of a request, with the role's grants resolved once per request.
struct Actor: Sendable {
    let userID: UUID
    let login: String
    let fullName: String
    let email: String
    let roleCode: String
    let roleName: String
    let channelID: UUID?
    let officeID: UUID?
    let subject: AccessSubject
    let sessionID: UUID?

    var permissions: PermissionSet { subject.permissions }
    var isAdministrator: Bool { roleCode == BuiltInRole.administrator.rawValue }
}

extension Request {
    private struct ActorKey: StorageKey { typealias Value = Actor }

    /// The logged-in user, if any.
    var optionalActor: Actor? {
        get { storage[ActorKey.self] }
        set { storage[ActorKey.self] = newValue }
    }

    /// The logged-in user; routes behind `RequireLogin` can rely on it.
    var actor: Actor {
        get throws {
            guard let actor = optionalActor else { throw Abort(.unauthorized) }
            return actor
        }
    }
}
