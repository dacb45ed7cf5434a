import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Creating, changing and deleting custom roles, each with its audit entry in the same transaction.
/// Built-in roles are never changed here: their grants are the product's definition (SPEC §1).
struct RoleChanges: Sendable {
    let database: any Database
    let audit: Audit

    func create(_ form: RoleForm) async throws -> Role {
        let draft = try await RoleRules.draft(from: form, existing: nil, on: database)
        do {
            return try await database.transaction { db in
                let role = Role(code: draft.code, name: draft.name, isBuiltIn: false, permissions: draft.permissions, scope: draft.scope)
                try await role.create(on: db)
                try await audit.on(db).record("role.created", entity: "role", id: role.id?.uuidString,
                    summary: "Создана роль \(role.code) «\(role.name)»", after: RoleSnapshot(role))
                return role
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AppError.validation([FieldProblem(field: "code", key: "admin.roles.code_taken")])
        }
    }

    /// New grants apply from the next request of every holder: permissions are loaded per request.
    func update(_ role: Role, with form: RoleForm) async throws {
        guard !role.isBuiltIn else { throw AppError.forbidden }
        let draft = try await RoleRules.draft(from: form, existing: role, on: database)
        let before = RoleSnapshot(role)
        role.name = draft.name
        role.scopeRaw = draft.scope.rawValue
        role.storedPermissions = draft.permissions.stored
        try await database.transaction { db in
            try await role.save(on: db)
            try await audit.on(db).record("role.updated", entity: "role", id: role.id?.uuidString,
                summary: "Изменена роль \(role.code) «\(role.name)»", before: before, after: RoleSnapshot(role))
        }
    }

    /// Deletes a custom role nobody holds; a role still assigned would leave its users without any rights.
    func delete(_ role: Role) async throws {
        guard !role.isBuiltIn else { throw AppError.forbidden }
        let holders = try await User.query(on: database).filter(\.$roleCode == role.code).count()
        guard holders == 0 else { throw RoleInUse(holders: holders) }
        let before = RoleSnapshot(role)
        try await database.transaction { db in
            try await role.delete(on: db)
            try await audit.on(db).record("role.deleted", entity: "role", id: role.id?.uuidString,
                summary: "Удалена роль \(role.code) «\(role.name)»", before: before)
        }
    }

    /// The role still has users: the page says how many, so the administrator knows what to change first.
    struct RoleInUse: Error {
        var holders: Int
    }
}
