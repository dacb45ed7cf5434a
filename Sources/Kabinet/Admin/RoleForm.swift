import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The custom role form as posted: each ticked box of the matrix arrives as `perm[]=section.action`.
struct RoleForm: Content {
    var code: String?
    var name: String?
    var scope: String?
    var perm: [String]?

    init() {}

    init(_ role: Role) {
        code = role.code
        name = role.name
        scope = role.scopeRaw
        perm = role.permissions.grants.map(\.description).sorted()
    }
}

/// A custom role as checked: what is written to the database.
struct RoleDraft: Sendable {
    var code: String
    var name: String
    var scope: VisibilityScope
    var permissions: PermissionSet
}

/// What the audit trail keeps of a role.
struct RoleSnapshot: Encodable {
    var code: String
    var name: String
    var scope: String
    var permissions: [String]

    init(_ role: Role) {
        code = role.code
        name = role.name
        scope = role.scopeRaw
        permissions = role.permissions.grants.map(\.description).sorted()
    }
}

/// Checks of the custom role form, all problems at once.
enum RoleRules {
    /// Role codes are stored on every user and in the audit trail, so they are short, Latin and never change.
    static func isValidCode(_ code: String) -> Bool {
        guard (2...32).contains(code.count), let first = code.first, first.isASCII, first.isLowercase else { return false }
        return code.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    /// Validates the form; `existing` is the role being edited (its code is fixed and not re-checked).
    static func draft(from form: RoleForm, existing: Role?, on db: any Database) async throws -> RoleDraft {
        var problems: [FieldProblem] = []
        let code = existing?.code ?? (form.code ?? "").trimmed.lowercased()
        if existing == nil {
            if !isValidCode(code) {
                problems.append(FieldProblem(field: "code", key: "admin.roles.code_invalid"))
            } else if BuiltInRole(rawValue: code) != nil {
                problems.append(FieldProblem(field: "code", key: "admin.roles.code_builtin"))
            } else if try await Role.query(on: db).filter(\.$code == code).first() != nil {
                problems.append(FieldProblem(field: "code", key: "admin.roles.code_taken"))
            }
        }
        let name = (form.name ?? "").trimmed
        if name.isEmpty { problems.append(FieldProblem(field: "name", key: "field.required")) }
        if name.count > 100 { problems.append(FieldProblem(field: "name", key: "admin.org.name_too_long")) }
        let scope = form.scope.flatMap(VisibilityScope.init(rawValue:))
        if scope == nil { problems.append(FieldProblem(field: "scope", key: "admin.roles.scope_choose")) }
        let names = form.perm ?? []
        let grants = names.compactMap(Permission.init(stored:))
        if grants.count != names.count { problems.append(FieldProblem(field: "perm", key: "admin.roles.permission_unknown")) }
        guard let scope, problems.isEmpty else { throw AppError.validation(problems) }
        return RoleDraft(code: code, name: name, scope: scope, permissions: PermissionSet(grants))
    }
}
