/// The set of grants a role carries. Stored as a comma-separated list of `section.action`.
public struct PermissionSet: Hashable, Sendable {
    public private(set) var grants: Set<Permission>

    public init(_ grants: some Sequence<Permission>) {
        self.grants = Set(grants)
    }

    /// Reads the stored form, skipping names this version does not know.
    public init(stored: String) {
        self.init(stored.split(separator: ",").compactMap { Permission(stored: String($0)) })
    }

    public var stored: String {
        grants.map(\.description).sorted().joined(separator: ",")
    }

    public func allows(_ section: Section, _ action: SectionAction) -> Bool {
        grants.contains(Permission(section, action))
    }

    public func allows(_ permission: Permission) -> Bool {
        grants.contains(permission)
    }

    /// Sections in which the role may at least look: drives navigation and start-page tiles.
    public var visibleSections: [Section] {
        Section.allCases.filter { allows($0, .view) }
    }
}

extension PermissionSet {
    /// Builds a set from a compact description: each section with the actions granted in it.
    public static func sections(_ map: [Section: [SectionAction]]) -> PermissionSet {
        PermissionSet(map.flatMap { section, actions in actions.map { Permission(section, $0) } })
    }
}
