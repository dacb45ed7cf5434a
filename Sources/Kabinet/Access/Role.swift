import Fluent
import Foundation
import KabinetDomain

/// A role: built-in ones are seeded rows, custom ones are made by an administrator. Either way the grants
/// and the visibility scope are data, so the one `Authorizer` reads every role the same way.
final class Role: Model, @unchecked Sendable {
    static let schema = "roles"
    @ID var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "is_builtin") var isBuiltIn: Bool
    @Field(key: "permissions") var storedPermissions: String
    @Field(key: "scope") var scopeRaw: String

    init() {}

    init(id: UUID? = nil, code: String, name: String, isBuiltIn: Bool, permissions: PermissionSet, scope: VisibilityScope) {
        self.id = id
        self.code = code
        self.name = name
        self.isBuiltIn = isBuiltIn
        self.storedPermissions = permissions.stored
        self.scopeRaw = scope.rawValue
    }

    var permissions: PermissionSet { PermissionSet(stored: storedPermissions) }
    var scope: VisibilityScope { VisibilityScope(rawValue: scopeRaw) ?? .own }
}
