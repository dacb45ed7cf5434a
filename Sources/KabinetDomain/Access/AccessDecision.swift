import Foundation

/// What the access rules need to know about the person asking.
public struct AccessSubject: Sendable, Equatable {
    public var userID: UUID
    public var permissions: PermissionSet
    public var scope: VisibilityScope
    public var agencyID: UUID?
    /// Users who share at least one access group with the subject (the subject included). Only read for `groups`.
    public var groupPeerIDs: Set<UUID>

    public init(userID: UUID, permissions: PermissionSet, scope: VisibilityScope, agencyID: UUID?, groupPeerIDs: Set<UUID>) {
        self.userID = userID
        self.permissions = permissions
        self.scope = scope
        self.agencyID = agencyID
        self.groupPeerIDs = groupPeerIDs
    }
}

/// Who a record belongs to: the user who owns it and that user's agency.
public struct RecordOwnership: Sendable, Equatable {
    public var ownerID: UUID?
    public var agencyID: UUID?

    public init(ownerID: UUID?, agencyID: UUID?) {
        self.ownerID = ownerID
        self.agencyID = agencyID
    }
}

/// The filter a list applies: it is the same rule as `canSee`, phrased for a query.
public enum RecordVisibility: Sendable, Equatable {
    case everything
    case agency(UUID)
    case owners(Set<UUID>)
}

extension AccessSubject {
    public var visibility: RecordVisibility {
        switch scope {
        case .all: .everything
        case .agency: agencyID.map(RecordVisibility.agency) ?? .owners([userID])
        case .groups: .owners(groupPeerIDs.union([userID]))
        case .own: .owners([userID])
        }
    }

    public func canSee(_ record: RecordOwnership) -> Bool {
        switch visibility {
        case .everything: true
        case .agency(let agency): record.agencyID == agency
        case .owners(let owners): record.ownerID.map(owners.contains) ?? false
        }
    }

    /// The one question every page, API handler, export and report asks before touching a record.
    public func may(_ action: SectionAction, in section: Section, on record: RecordOwnership? = nil) -> Bool {
        guard permissions.allows(section, action) else { return false }
        guard let record else { return true }
        return canSee(record)
    }
}
