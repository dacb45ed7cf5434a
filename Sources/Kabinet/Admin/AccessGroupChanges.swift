import Fluent
import Foundation
import Vapor

/// What the audit trail keeps of an access group: its name and its members' logins.
struct AccessGroupSnapshot: Encodable {
    var name: String
    var members: [String]
}

/// Creating, renaming and deleting access groups and changing their members. Every change is audited with the
/// group as it was and as it became, so "who could see whose records when" can be answered later.
struct AccessGroupChanges: Sendable {
    let database: any Database
    let audit: Audit

    func create(name rawName: String?) async throws -> AccessGroup {
        let name = try await checkedName(rawName, except: nil)
        do {
            return try await database.transaction { db in
                let group = AccessGroup(name: name)
                try await group.create(on: db)
                try await audit.on(db).record("group.created", entity: "access_group", id: group.id?.uuidString,
                    summary: "Создана группа доступа «\(name)»", after: AccessGroupSnapshot(name: name, members: []))
                return group
            }
        } catch let error as any DatabaseError where error.isConstraintFailure {
            throw AppError.validation([FieldProblem(field: "name", key: "admin.groups.name_taken")])
        }
    }

    func rename(_ group: AccessGroup, to rawName: String?) async throws {
        let name = try await checkedName(rawName, except: group.id)
        let before = try await snapshot(group)
        group.name = name
        try await database.transaction { db in
            try await group.save(on: db)
            try await audit.on(db).record("group.renamed", entity: "access_group", id: group.id?.uuidString,
                summary: "Группа доступа «\(before.name)» переименована в «\(name)»", before: before, after: try await snapshot(group, on: db))
        }
    }

    func delete(_ group: AccessGroup) async throws {
        let before = try await snapshot(group)
        let groupID = try group.requireID()
        try await database.transaction { db in
            try await AccessGroupMember.query(on: db).filter(\.$group.$id == groupID).delete()
            try await group.delete(on: db)
            try await audit.on(db).record("group.deleted", entity: "access_group", id: groupID.uuidString,
                summary: "Удалена группа доступа «\(before.name)»", before: before)
        }
    }

    /// Adds the user with this login; a login that does not exist or is already in the group is a field message.
    func addMember(_ group: AccessGroup, login rawLogin: String?) async throws {
        let login = User.normalize(login: rawLogin ?? "")
        let groupID = try group.requireID()
        guard !login.isEmpty else { throw AppError.validation([FieldProblem(field: "login", key: "field.required")]) }
        guard let user = try await User.query(on: database).filter(\.$login == login).first() else {
            throw AppError.validation([FieldProblem(field: "login", key: "admin.groups.login_unknown", arguments: [login])])
        }
        let userID = try user.requireID()
        if try await membership(groupID, userID) != nil {
            throw AppError.validation([FieldProblem(field: "login", key: "admin.groups.already_member", arguments: [login])])
        }
        let before = try await snapshot(group)
        try await database.transaction { db in
            try await AccessGroupMember(groupID: groupID, userID: userID).create(on: db)
            try await audit.on(db).record("group.member_added", entity: "access_group", id: groupID.uuidString,
                summary: "\(login) добавлен в группу доступа «\(group.name)»", before: before, after: try await snapshot(group, on: db))
        }
    }

    func removeMember(_ group: AccessGroup, userID: UUID) async throws {
        let groupID = try group.requireID()
        guard let member = try await membership(groupID, userID) else { throw AppError.notFound }
        let login = try await User.find(userID, on: database)?.login ?? userID.uuidString
        let before = try await snapshot(group)
        try await database.transaction { db in
            try await member.delete(on: db)
            try await audit.on(db).record("group.member_removed", entity: "access_group", id: groupID.uuidString,
                summary: "\(login) исключён из группы доступа «\(group.name)»", before: before, after: try await snapshot(group, on: db))
        }
    }

    private func membership(_ groupID: UUID, _ userID: UUID) async throws -> AccessGroupMember? {
        try await AccessGroupMember.query(on: database).filter(\.$group.$id == groupID).filter(\.$user.$id == userID).first()
    }

    private func checkedName(_ rawName: String?, except id: UUID?) async throws -> String {
        let name = (rawName ?? "").trimmed
        if let problem = OrganisationRules.nameProblem(name) { throw AppError.validation([problem]) }
        if let existing = try await AccessGroup.query(on: database).filter(\.$name == name).first(), existing.id != id {
            throw AppError.validation([FieldProblem(field: "name", key: "admin.groups.name_taken")])
        }
        return name
    }

    private func snapshot(_ group: AccessGroup, on db: (any Database)? = nil) async throws -> AccessGroupSnapshot {
        let members = try await AccessGroupMember.query(on: db ?? database).filter(\.$group.$id == group.requireID())
            .with(\.$user).all().map(\.user.login).sorted()
        return AccessGroupSnapshot(name: group.name, members: members)
    }
}
