import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The single decision point: "may this user do this to this record" and "which records may this user list".
/// Controllers, API handlers, exports and reports all ask here, never the role code directly.
enum Authorizer {
    /// Throws 403 unless the actor holds the grant.
    static func require(_ actor: Actor, _ action: SectionAction, in section: Section) throws {
        guard actor.subject.may(action, in: section) else { throw AppError.forbidden }
    }

    /// Throws 404 (not 403, so ids cannot be probed) unless the actor may act on this record.
    static func require(_ actor: Actor, _ action: SectionAction, in section: Section, on record: RecordOwnership) throws {
        guard actor.subject.permissions.allows(section, action) else { throw AppError.forbidden }
        guard actor.subject.canSee(record) else { throw AppError.notFound }
    }

    static func may(_ actor: Actor, _ action: SectionAction, in section: Section) -> Bool {
        actor.subject.may(action, in: section)
    }

    /// Which agency's users an actor may list on the administration pages: nil means every user.
    static func userListAgency(_ actor: Actor) -> UUID?? {
        guard actor.permissions.allows(.administration, .view) else { return .some(.none) }
        return actor.subject.scope == .all ? .none : .some(actor.subject.agencyID)
    }

    /// Whether the actor may manage (invite, block, move, change the role of) another user.
    /// Administrators manage everyone; a partner admin manages the sellers of their own agency only.
    static func canManage(_ actor: Actor, user: User) -> Bool {
        guard actor.permissions.allows(.administration, .manage) else { return false }
        if actor.subject.scope == .all { return true }
        guard let agency = actor.subject.agencyID, user.$agency.id == agency else { return false }
        return Self.rolesAssignable(by: actor).contains(user.roleCode)
    }

    /// Roles the actor may hand out: a partner admin cannot create back-office staff.
    static func rolesAssignable(by actor: Actor) -> Set<String> {
        if actor.subject.scope == .all && actor.permissions.allows(.administration, .manage) {
            return []  // empty means "any"; see `mayAssign`
        }
        return [BuiltInRole.agent.rawValue, BuiltInRole.partnerAdmin.rawValue]
    }

    static func mayAssign(_ actor: Actor, roleCode: String) -> Bool {
        guard actor.permissions.allows(.administration, .manage) else { return false }
        let allowed = rolesAssignable(by: actor)
        return allowed.isEmpty || allowed.contains(roleCode)
    }
}
