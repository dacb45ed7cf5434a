import Fluent
import KabinetDomain
import SQLKit
import Vapor

/// Access groups (seed 003 §6): team leads and heads see the records of their groups' members.
/// The list creates groups; a group's page changes its members, renames or deletes it. Administrators only.
struct GroupsAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let groups = routes.grouped("admin", "groups")
        groups.get(use: list)
        groups.post(use: create)
        groups.get(":id", use: show)
        groups.post(":id", "rename", use: rename)
        groups.post(":id", "delete", use: delete)
        groups.post(":id", "members", use: addMember)
        groups.post(":id", "members", ":userID", "remove", use: removeMember)
    }

    struct NameForm: Content {
        var name: String?
    }

    struct LoginForm: Content {
        var login: String?
    }

    struct GroupRow: Encodable {
        var id: UUID
        var name: String
        var members: Int
    }

    struct ListContent: Encodable {
        var groups: [GroupRow]
        var form: NameForm
        var errors: [String: String]
    }

    struct Member: Encodable {
        var userID: UUID
        var login: String
        var fullName: String
        var role: String
    }

    struct GroupContent: Encodable {
        var id: UUID
        var name: String
        var members: [Member]
        var renameForm: NameForm
        var addForm: LoginForm
        var errors: [String: String]
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        return try await renderList(req, form: NameForm(), errors: [:])
    }

    func create(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let form = try req.content.decode(NameForm.self)
        do {
            let group = try await changes(req).create(name: form.name)
            return req.redirect(to: "/admin/groups/\(try group.requireID())", flash: "admin.groups.created")
        } catch AppError.validation(let problems) {
            return try await renderList(req, form: form, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let group = try await findGroup(req)
        return try await renderGroup(req, group)
    }

    func rename(req: Request) async throws -> Response {
        try await change(req) { changes, group in
            let form = try req.content.decode(NameForm.self)
            do {
                try await changes.rename(group, to: form.name)
                return nil
            } catch AppError.validation(let problems) {
                let message = req.messages(for: problems)["name"] ?? req.t("error.validation")
                return try await renderGroup(req, group, renameForm: form, errors: ["rename": message], status: .unprocessableEntity)
            }
        }
    }

    func addMember(req: Request) async throws -> Response {
        try await change(req) { changes, group in
            let form = try req.content.decode(LoginForm.self)
            do {
                try await changes.addMember(group, login: form.login)
                return nil
            } catch AppError.validation(let problems) {
                return try await renderGroup(req, group, addForm: form, errors: req.messages(for: problems), status: .unprocessableEntity)
            }
        }
    }

    func removeMember(req: Request) async throws -> Response {
        try await change(req) { changes, group in
            guard let userID = req.parameters.get("userID", as: UUID.self) else { throw AppError.notFound }
            try await changes.removeMember(group, userID: userID)
            return nil
        }
    }

    func delete(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let group = try await findGroup(req)
        try await changes(req).delete(group)
        return req.redirect(to: "/admin/groups", flash: "admin.groups.deleted")
    }

    /// Runs a change on the group in the URL; nil means success (back to the group with a flash),
    /// a response is the page shown again with a message.
    private func change(_ req: Request, _ work: (AccessGroupChanges, AccessGroup) async throws -> Response?) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let group = try await findGroup(req)
        if let shown = try await work(changes(req), group) { return shown }
        return req.redirect(to: "/admin/groups/\(try group.requireID())", flash: "admin.saved")
    }

    private func renderList(_ req: Request, form: NameForm, errors: [String: String], status: HTTPStatus = .ok) async throws -> Response {
        let groups = try await AccessGroup.query(on: req.db).sort(\.$name).all()
        let counts = try await memberCounts(on: req.db)
        return try await req.page("admin/groups", title: "admin.groups", ListContent(
            groups: try groups.map { GroupRow(id: try $0.requireID(), name: $0.name, members: counts[try $0.requireID()] ?? 0) },
            form: form, errors: errors), status: status)
    }

    private func renderGroup(_ req: Request, _ group: AccessGroup, renameForm: NameForm? = nil, addForm: LoginForm = .init(),
        errors: [String: String] = [:], status: HTTPStatus = .ok) async throws -> Response
    {
        let groupID = try group.requireID()
        let members = try await AccessGroupMember.query(on: req.db).filter(\.$group.$id == groupID).with(\.$user).all()
            .map(\.user).sorted { $0.login < $1.login }
        let roles = try await Role.query(on: req.db).all()
        let roleNames = Dictionary(roles.map { ($0.code, RoleMatrix.name(of: $0, req)) }, uniquingKeysWith: { first, _ in first })
        return try await req.page("admin/group", title: "admin.groups.group", GroupContent(
            id: groupID, name: group.name,
            members: try members.map { Member(userID: try $0.requireID(), login: $0.login, fullName: $0.fullName,
                role: roleNames[$0.roleCode] ?? $0.roleCode) },
            renameForm: renameForm ?? NameForm(name: group.name), addForm: addForm, errors: errors), status: status)
    }

    private func findGroup(_ req: Request) async throws -> AccessGroup {
        guard let id = req.parameters.get("id", as: UUID.self), let group = try await AccessGroup.find(id, on: req.db) else {
            throw AppError.notFound
        }
        return group
    }

    /// Members per group in one grouped query.
    private func memberCounts(on db: any Database) async throws -> [UUID: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Row: Decodable {
            var group_id: UUID
            var members: Int
        }
        let rows = try await sql.select()
            .column("group_id").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("members")))
            .from(AccessGroupMember.schema).groupBy("group_id")
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.group_id, $0.members) }, uniquingKeysWith: +)
    }

    private func changes(_ req: Request) -> AccessGroupChanges {
        AccessGroupChanges(database: req.db, audit: req.audit)
    }
}
