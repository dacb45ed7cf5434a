import Foundation
import KabinetDomain
import Vapor

/// The permission matrices of the roles pages, prepared so the templates only loop and print.
enum RoleMatrix {
    /// One role's matrix: a row per section, a cell per action, ticked or not.
    struct Cell: Encodable {
        var value: String
        var label: String
        var granted: Bool
    }

    struct SectionRow: Encodable {
        var section: String
        var cells: [Cell]
    }

    /// The column headings: every action, in the order the domain lists them.
    static func actionLabels(_ req: Request) -> [String] {
        SectionAction.allCases.map { req.t("permission.action.\($0.rawValue)") }
    }

    static func rows(for permissions: PermissionSet, _ req: Request) -> [SectionRow] {
        Section.allCases.map { section in
            SectionRow(section: req.t("permission.section.\(section.rawValue)"), cells: SectionAction.allCases.map { action in
                let permission = Permission(section, action)
                return Cell(value: permission.description,
                    label: "\(req.t("permission.section.\(section.rawValue)")): \(req.t("permission.action.\(action.rawValue)"))",
                    granted: permissions.allows(permission))
            })
        }
    }

    /// The overview: a row per grant (section × action), a column per role.
    struct GrantRow: Encodable {
        var section: String
        var action: String
        /// The section's name is printed once, on its first row, spanning the section's rows.
        var firstOfSection: Bool
        var span: Int
        var granted: [Bool]
    }

    static func overview(_ roles: [Role], _ req: Request) -> [GrantRow] {
        let grants = roles.map(\.permissions)
        return Permission.all.map { permission in
            GrantRow(
                section: req.t("permission.section.\(permission.section.rawValue)"),
                action: req.t("permission.action.\(permission.action.rawValue)"),
                firstOfSection: permission.action == SectionAction.allCases.first,
                span: SectionAction.allCases.count,
                granted: grants.map { $0.allows(permission) })
        }
    }

    /// The name people see: built-in roles from the localisation table, custom ones as the administrator named them.
    static func name(of role: Role, _ req: Request) -> String {
        role.isBuiltIn ? req.t("role.\(role.code)") : role.name
    }

    /// Built-in roles in the order of the product (agent up to administrator), then custom roles by name.
    static func ordered(_ roles: [Role], _ req: Request) -> [Role] {
        let rank = Dictionary(uniqueKeysWithValues: BuiltInRole.allCases.enumerated().map { ($1.rawValue, $0) })
        return roles.sorted { left, right in
            let (l, r) = (rank[left.code] ?? Int.max, rank[right.code] ?? Int.max)
            return l != r ? l < r : name(of: left, req).localizedCompare(name(of: right, req)) == .orderedAscending
        }
    }

    static func scopes(_ req: Request, selected: String?) -> [SelectOption] {
        VisibilityScope.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t("scope.\($0.rawValue)"), selected: $0.rawValue == selected)
        }
    }
}
