import Fluent
import Foundation
import KabinetDomain

/// Builds the `Actor` of a user: their role's grants and scope, and for the `groups` scope, their group peers.
enum ActorLoader {
    static func load(_ user: User, sessionID: UUID?, on db: any Database) async throws -> Actor {
        let userID = try user.requireID()
        let role = try await Role.query(on: db).filter(\.$code == user.roleCode).first()
        let scope = role?.scope ?? .own
        let peers = scope == .groups ? try await groupPeers(of: userID, on: db) : []
        return Actor(
            userID: userID, login: user.login, fullName: user.fullName, email: user.email,
            roleCode: user.roleCode, roleName: role?.name ?? user.roleCode,
            channelID: user.$channel.id, officeID: user.$office.id,
            subject: AccessSubject(
                userID: userID, permissions: role?.permissions ?? PermissionSet([]), scope: scope,
                agencyID: user.$agency.id, groupPeerIDs: peers),
            sessionID: sessionID)
    }

    /// Everyone who shares at least one access group with the user.
    static func groupPeers(of userID: UUID, on db: any Database) async throws -> Set<UUID> {
        let groupIDs = try await AccessGroupMember.query(on: db).filter(\.$user.$id == userID).all().map(\.$group.id)
        guard !groupIDs.isEmpty else { return [] }
        let members = try await AccessGroupMember.query(on: db).filter(\.$group.$id ~~ groupIDs).all()
        return Set(members.map(\.$user.id))
    }
}
