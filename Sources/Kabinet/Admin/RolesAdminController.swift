import Fluent
import KabinetDomain
import SQLKit
import Vapor

/// Roles and rights: every role with its scope and grants; custom roles are created, changed and deleted here,
/// built-in roles are shown read-only. Administrators only.
struct RolesAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let roles = routes.grouped("admin", "roles")
        roles.get(use: list)
        roles.get("new", use: new)
        roles.post(use: create)
        roles.get(":id", use: show)
        roles.post(":id", use: update)
        roles.post(":id", "delete", use: delete)
    }

    struct RoleRow: Encodable {
        var id: UUID
        var code: String
        var name: String
        var isBuiltIn: Bool
        var scope: String
        var users: Int
    }

    struct ListContent: Encodable {
        var roles: [RoleRow]
        var grants: [RoleMatrix.GrantRow]
    }

    struct FormContent: Encodable {
        var roleID: UUID?
        var isBuiltIn: Bool
        var title: String
        var form: RoleForm
        var scopes: [SelectOption]
        var scopeLabel: String
        var actions: [String]
        var matrix: [RoleMatrix.SectionRow]
        var users: Int
        var errors: [String: String]
        var deleteError: String?
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let roles = RoleMatrix.ordered(try await Role.query(on: req.db).all(), req)
        let counts = try await holderCounts(on: req.db)
        return try await req.page("admin/roles", title: "admin.roles", ListContent(
            roles: try roles.map { role in
                RoleRow(id: try role.requireID(), code: role.code, name: RoleMatrix.name(of: role, req), isBuiltIn: role.isBuiltIn,
                    scope: req.t("scope.\(role.scope.rawValue)"), users: counts[role.code] ?? 0)
            },
            grants: RoleMatrix.overview(roles, req)))
    }

    func new(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        var form = RoleForm()
        form.scope = VisibilityScope.own.rawValue
        return try await render(req, role: nil, form: form, errors: [:])
    }

    func create(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let form = try req.content.decode(RoleForm.self)
        do {
            let role = try await changes(req).create(form)
            return req.redirect(to: "/admin/roles/\(try role.requireID())", flash: "admin.roles.created")
        } catch AppError.validation(let problems) {
            return try await render(req, role: nil, form: form, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let role = try await findRole(req)
        return try await render(req, role: role, form: RoleForm(role), errors: [:])
    }

    func update(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let role = try await findRole(req)
        guard !role.isBuiltIn else { throw AppError.message(.conflict, key: "admin.roles.builtin_readonly") }
        var form = try req.content.decode(RoleForm.self)
        form.code = role.code
        do {
            try await changes(req).update(role, with: form)
            return req.redirect(to: "/admin/roles/\(try role.requireID())", flash: "admin.saved")
        } catch AppError.validation(let problems) {
            return try await render(req, role: role, form: form, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
    }

    func delete(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        let role = try await findRole(req)
        guard !role.isBuiltIn else { throw AppError.message(.conflict, key: "admin.roles.builtin_readonly") }
        do {
            try await changes(req).delete(role)
            return req.redirect(to: "/admin/roles", flash: "admin.roles.deleted")
        } catch let inUse as RoleChanges.RoleInUse {
            return try await render(req, role: role, form: RoleForm(role), errors: [:],
                deleteError: req.t("admin.roles.in_use", String(inUse.holders)), status: .conflict)
        }
    }

    private func render(_ req: Request, role: Role?, form: RoleForm, errors: [String: String],
        deleteError: String? = nil, status: HTTPStatus = .ok) async throws -> Response
    {
        let granted = PermissionSet((form.perm ?? []).compactMap(Permission.init(stored:)))
        let users = try await role.asyncMap { try await User.query(on: req.db).filter(\.$roleCode == $0.code).count() } ?? 0
        return try await req.page("admin/role_form", title: role == nil ? "admin.roles.new" : "admin.roles.role", FormContent(
            roleID: role?.id, isBuiltIn: role?.isBuiltIn ?? false,
            title: role.map { RoleMatrix.name(of: $0, req) } ?? req.t("admin.roles.new"),
            form: form, scopes: RoleMatrix.scopes(req, selected: form.scope),
            scopeLabel: form.scope.map { req.t("scope.\($0)") } ?? "",
            actions: RoleMatrix.actionLabels(req), matrix: RoleMatrix.rows(for: granted, req),
            users: users, errors: errors, deleteError: deleteError), status: status)
    }

    private func findRole(_ req: Request) async throws -> Role {
        guard let id = req.parameters.get("id", as: UUID.self), let role = try await Role.find(id, on: req.db) else {
            throw AppError.notFound
        }
        return role
    }

    /// How many users hold each role, in one grouped query.
    private func holderCounts(on db: any Database) async throws -> [String: Int] {
        guard let sql = db as? any SQLDatabase else { return [:] }
        struct Row: Decodable {
            var role_code: String
            var users: Int
        }
        let rows = try await sql.select()
            .column("role_code").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("users")))
            .from(User.schema).groupBy("role_code")
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.role_code, $0.users) }, uniquingKeysWith: +)
    }

    private func changes(_ req: Request) -> RoleChanges {
        RoleChanges(database: req.db, audit: req.audit)
    }
}
