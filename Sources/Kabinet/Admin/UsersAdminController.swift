import Fluent
import KabinetDomain
import Vapor

/// Administration of users: list with filters and its «Выгрузить в CSV», invite, edit (role, move between agencies
/// and offices), block/unblock, unlock after failed logins, resend the invitation.
struct UsersAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("admin", "users")
        users.get(use: list)
        users.get("export.csv", use: export)
        users.get("new", use: new)
        users.post(use: create)
        users.get(":id", use: edit)
        users.post(":id", use: update)
        users.post(":id", "block", use: block)
        users.post(":id", "unblock", use: unblock)
        users.post(":id", "unlock", use: unlock)
        users.post(":id", "invite", use: reinvite)
    }

    struct Row: Encodable {
        var id: UUID
        var login: String
        var fullName: String
        var role: String
        var agency: String
        var office: String
        var status: String
        var locked: Bool
        var lastLogin: String
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var filter: Filter
        var roles: [SelectOption]
        var agencies: [SelectOption]
        var statuses: [SelectOption]
        var paging: Paging.Links
        var exportLink: String?
    }

    /// The export walks the users in chunks of this many.
    static let exportChunk = 500

    struct Filter: Content {
        var q: String?
        var role: String?
        var agency: UUID?
        var status: String?
        var page: Int?
    }

    func list(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireUserAdmin(req)
        let filter = try req.query.decode(Filter.self)
        let paging = Paging(page: filter.page)
        let query = try Self.query(filter, actor: actor, on: req.db)
        let total = try await query.count()
        let users = try await query.copy().range(paging.offset..<(paging.offset + paging.size)).all()
        return try await req.page("admin/users", title: "admin.users", ListContent(
            rows: try users.map { try Self.row($0, req) },
            filter: filter,
            roles: try await UserFormOptions.roles(for: actor, req: req),
            agencies: try await UserFormOptions.agencies(for: actor, req: req),
            statuses: User.Status.allCases.map { SelectOption(value: $0.rawValue, label: req.t("user.status.\($0.rawValue)")) },
            paging: paging.links(total: total, request: req),
            exportLink: total > 0 ? req.exportLink("/admin/users/export.csv") : nil))
    }

    /// Every user the filters find (a partner administrator: of their agency only), with the table's columns.
    func export(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireUserAdmin(req)
        let filter = try req.query.decode(Filter.self)
        _ = try Self.query(filter, actor: actor, on: req.db)  // a partner administrator without an agency: 403 before the record
        try await req.audit.record("user.list.exported", entity: "user", id: nil, summary: "Выгрузка списка пользователей в CSV",
                                   after: filter)
        let titles = ["admin.users.login", "admin.users.name", "admin.users.role", "admin.users.agency", "admin.users.office",
                      "admin.users.status", "admin.users.last_login"].map { req.t($0) }
        return CSVDownload.response(name: "users", titles: titles) { emit in
            try await Self.query(filter, actor: actor, on: req.db).forEachChunk(of: Self.exportChunk) { users in
                try await emit(try users.map { user in
                    let row = try Self.row(user, req)
                    return [row.login, row.fullName, row.role, row.agency, row.office,
                            row.locked ? row.status + ", " + req.t("admin.users.locked") : row.status, row.lastLogin]
                })
            }
        }
    }

    /// The users the actor administers under the filters, by login (unique, so pages and chunks are stable).
    private static func query(_ filter: Filter, actor: Actor, on db: any Database) throws -> QueryBuilder<User> {
        var query = User.query(on: db).with(\.$agency).with(\.$office)
        if case .some(let agency) = Authorizer.userListAgency(actor) {
            guard let agency else { throw AppError.forbidden }
            query = query.filter(\.$agency.$id == agency)
        }
        if let text = filter.q?.trimmed, !text.isEmpty {
            let pattern = text.lowercased()
            query = query.group(.or) { $0.filter(\.$login ~~ pattern).filter(\.$fullName ~~ text).filter(\.$email ~~ text) }
        }
        if let role = filter.role, !role.isEmpty { query = query.filter(\.$roleCode == role) }
        if let agency = filter.agency { query = query.filter(\.$agency.$id == agency) }
        if let status = filter.status, let value = User.Status(rawValue: status) { query = query.filter(\.$status == value) }
        return query.sort(\.$login)
    }

    private static func row(_ user: User, _ req: Request) throws -> Row {
        Row(id: try user.requireID(), login: user.login, fullName: user.fullName, role: req.t("role.\(user.roleCode)"),
            agency: user.agency?.name ?? "—", office: user.office?.name ?? "—",
            status: req.t("user.status.\(user.status.rawValue)"),
            locked: (user.lockedUntil ?? .distantPast) > Date(), lastLogin: MoscowTime.dateTime(user.lastLoginAt))
    }

    func new(req: Request) async throws -> Response {
        let actor = try requireManager(req)
        return try await UserFormPage.render(req, actor: actor, form: UserForm(agency: actor.subject.agencyID?.uuidString), user: nil, errors: [:])
    }

    func create(req: Request) async throws -> Response {
        let actor = try requireManager(req)
        let form = try req.content.decode(UserForm.self)
        let draft = form.draft
        guard Authorizer.mayAssign(actor, roleCode: draft.roleCode),
            actor.subject.scope == .all || draft.agencyID == actor.subject.agencyID
        else { throw AppError.forbidden }
        do {
            let created = try await accounts(req).create(draft, password: nil)
            return req.redirect(to: "/admin/users/\(created.user.id!)", flash: "admin.users.invited")
        } catch AppError.validation(let problems) {
            return try await UserFormPage.render(req, actor: actor, form: form, user: nil, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
    }

    func edit(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireUserAdmin(req)
        let user = try await managedUser(req, actor: actor, forChange: false)
        return try await UserFormPage.render(req, actor: actor, form: UserForm(user), user: user, errors: [:])
    }

    func update(req: Request) async throws -> Response {
        let actor = try requireManager(req)
        let user = try await managedUser(req, actor: actor, forChange: true)
        var form = try req.content.decode(UserForm.self)
        form.login = user.login
        let draft = form.draft
        guard Authorizer.mayAssign(actor, roleCode: draft.roleCode),
            actor.subject.scope == .all || draft.agencyID == actor.subject.agencyID
        else { throw AppError.forbidden }
        do {
            try await accounts(req).update(user, with: draft)
            req.application.apiActorCache.clear()
            return req.redirect(to: "/admin/users/\(user.id!)", flash: "admin.saved")
        } catch AppError.validation(let problems) {
            return try await UserFormPage.render(req, actor: actor, form: form, user: user, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
    }

    func block(req: Request) async throws -> Response {
        try await change(req) { accounts, user in try await accounts.setBlocked(user, true) }
    }

    func unblock(req: Request) async throws -> Response {
        try await change(req) { accounts, user in try await accounts.setBlocked(user, false) }
    }

    func unlock(req: Request) async throws -> Response {
        try await change(req) { accounts, user in try await accounts.unlock(user) }
    }

    func reinvite(req: Request) async throws -> Response {
        try await change(req) { accounts, user in
            guard user.status == .invited else { throw AppError.message(.conflict, key: "admin.users.not_invited") }
            try await accounts.sendInvitation(to: user, on: req.db)
        }
    }

    private func change(_ req: Request, _ action: (UserAccounts, User) async throws -> Void) async throws -> Response {
        let actor = try requireManager(req)
        let user = try await managedUser(req, actor: actor, forChange: true)
        guard user.id != actor.userID else { throw AppError.message(.conflict, key: "admin.users.not_self") }
        try await action(accounts(req), user)
        // Blocking or changing someone must also stop their API tokens acting under the old rights.
        req.application.apiActorCache.clear()
        return req.redirect(to: "/admin/users/\(user.id!)", flash: "admin.saved")
    }

    private func requireManager(_ req: Request) throws -> Actor {
        let actor = try req.actor
        try Authorizer.require(actor, .manage, in: .administration)
        return actor
    }

    /// Loads the user in the URL, answering 404 for users the actor may not see (so ids cannot be probed).
    private func managedUser(_ req: Request, actor: Actor, forChange: Bool) async throws -> User {
        guard let id = req.parameters.get("id", as: UUID.self), let user = try await User.find(id, on: req.db) else {
            throw AppError.notFound
        }
        if actor.subject.scope == .all { return user }
        guard user.$agency.id != nil, user.$agency.id == actor.subject.agencyID else { throw AppError.notFound }
        if forChange, !Authorizer.canManage(actor, user: user) { throw AppError.forbidden }
        return user
    }

    private func accounts(_ req: Request) -> UserAccounts {
        UserAccounts(database: req.db, audit: req.audit, hasher: req.application.password, settings: req.application.settings,
            localization: req.application.localization)
    }
}
