/// A part of the portal that permissions are granted on. The raw values are stored in the
/// database (custom roles) and used as localisation keys, so they never change once landed.
public enum Section: String, CaseIterable, Codable, Sendable {
    case products
    case contracts
    case applications
    case reports
    case documents
    case clients
    case administration
}

/// What a user may do inside a section.
public enum SectionAction: String, CaseIterable, Codable, Sendable {
    case view
    case create
    case edit
    case changeStatus = "change_status"
    case export
    case manage
}

/// One grant: an action in a section, written `section.action` when stored.
public struct Permission: Hashable, Codable, Sendable, CustomStringConvertible {
    public let section: Section
    public let action: SectionAction

    public init(_ section: Section, _ action: SectionAction) {
        self.section = section
        self.action = action
    }

    /// Parses the stored `section.action` form; unknown names yield nil so an old row never crashes a login.
    public init?(stored: String) {
        let parts = stored.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let section = Section(rawValue: parts[0]),
            let action = SectionAction(rawValue: parts[1])
        else { return nil }
        self.init(section, action)
    }

    public var description: String { "\(section.rawValue).\(action.rawValue)" }

    /// Every possible grant, in a stable order for forms and matrices.
    public static let all: [Permission] = Section.allCases.flatMap { section in
        SectionAction.allCases.map { Permission(section, $0) }
    }
}
