import Fluent
import KabinetDomain
import Vapor

/// A value and its label for a `<select>`.
struct SelectOption: Encodable {
    var value: String
    var label: String
    var selected: Bool = false
}

/// The user form as posted; empty selects arrive as empty strings.
struct UserForm: Content {
    var login: String?
    var fullName: String?
    var email: String?
    var role: String?
    var agency: String?
    var office: String?
    var channel: String?

    init(agency: String? = nil) {
        self.agency = agency
    }

    init(_ user: User) {
        login = user.login
        fullName = user.fullName
        email = user.email
        role = user.roleCode
        agency = user.$agency.id?.uuidString
        office = user.$office.id?.uuidString
        channel = user.$channel.id?.uuidString
    }

    var draft: UserDraft {
        UserDraft(
            login: login ?? "", fullName: fullName ?? "", email: email ?? "", roleCode: role ?? "",
            agencyID: agency.flatMap(UUID.init(uuidString:)), officeID: office.flatMap(UUID.init(uuidString:)),
            channelID: channel.flatMap(UUID.init(uuidString:)))
    }
}

/// Choices offered on the user pages, limited to what the actor may assign.
enum UserFormOptions {
    static func roles(for actor: Actor, req: Request, selected: String? = nil) async throws -> [SelectOption] {
        try await Role.query(on: req.db).sort(\.$isBuiltIn, .descending).sort(\.$code).all()
            .filter { Authorizer.mayAssign(actor, roleCode: $0.code) }
            .map { SelectOption(value: $0.code, label: $0.isBuiltIn ? req.t("role.\($0.code)") : $0.name, selected: $0.code == selected) }
    }

    static func agencies(for actor: Actor, req: Request, selected: String? = nil) async throws -> [SelectOption] {
        var query = Agency.query(on: req.db).sort(\.$name)
        if actor.subject.scope != .all { query = query.filter(\.$id == (actor.subject.agencyID ?? UUID())) }
        return try await query.all().map { SelectOption(value: $0.id!.uuidString, label: $0.name, selected: $0.id?.uuidString == selected) }
    }

    static func offices(for actor: Actor, req: Request, selected: String? = nil) async throws -> [SelectOption] {
        var query = Office.query(on: req.db).with(\.$agency).sort(\.$name)
        if actor.subject.scope != .all { query = query.filter(\.$agency.$id == (actor.subject.agencyID ?? UUID())) }
        return try await query.all().map {
            SelectOption(value: $0.id!.uuidString, label: "\($0.name) (\($0.agency.name))", selected: $0.id?.uuidString == selected)
        }
    }

    static func channels(req: Request, selected: String? = nil) async throws -> [SelectOption] {
        try await SalesChannel.query(on: req.db).sort(\.$code).all()
            .map { SelectOption(value: $0.id!.uuidString, label: $0.name, selected: $0.id?.uuidString == selected) }
    }
}

/// Renders the new/edit user page.
enum UserFormPage {
    struct Content: Encodable {
        var userID: UUID?
        var form: UserForm
        var roles: [SelectOption]
        var agencies: [SelectOption]
        var offices: [SelectOption]
        var channels: [SelectOption]
        var errors: [String: String]
        var status: String?
        var isInvited: Bool
        var isBlocked: Bool
        var isLocked: Bool
        var canManage: Bool
        var isSelf: Bool
    }

    static func render(_ req: Request, actor: Actor, form: UserForm, user: User?, errors: [String: String],
        status: HTTPStatus = .ok) async throws -> Response
    {
        let canManage = user.map { Authorizer.canManage(actor, user: $0) } ?? actor.permissions.allows(.administration, .manage)
        return try await req.page("admin/user_form", title: user == nil ? "admin.users.new" : "admin.users.edit", Content(
            userID: user?.id, form: form,
            roles: try await UserFormOptions.roles(for: actor, req: req, selected: form.role),
            agencies: try await UserFormOptions.agencies(for: actor, req: req, selected: form.agency),
            offices: try await UserFormOptions.offices(for: actor, req: req, selected: form.office),
            channels: try await UserFormOptions.channels(req: req, selected: form.channel),
            errors: errors, status: user.map { req.t("user.status.\($0.status.rawValue)") },
            isInvited: user?.status == .invited, isBlocked: user?.status == .blocked,
            isLocked: (user?.lockedUntil ?? .distantPast) > Date(), canManage: canManage, isSelf: user?.id == actor.userID),
            status: status)
    }
}
