import KabinetDomain
import Vapor

/// Who may open which administration page. Company-wide screens (organisation, roles, groups, audit, outbox,
/// jobs) are for administrators; a partner admin manages only the users of their own agency.
enum AdminAccess {
    static func requireUserAdmin(_ req: Request) throws -> Actor {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .administration)
        return actor
    }

    static func requireCompanyAdmin(_ req: Request) throws -> Actor {
        let actor = try req.actor
        try Authorizer.require(actor, .manage, in: .administration)
        guard actor.subject.scope == .all else { throw AppError.forbidden }
        return actor
    }
}

/// The administration start page: tiles for the screens the user may open.
struct AdminHomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", use: index)
    }

    struct Tile: Encodable {
        var title: String
        var description: String
        var path: String
    }

    func index(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireUserAdmin(req)
        var tiles = [Tile(title: req.t("admin.users"), description: req.t("admin.users.description"), path: "/admin/users")]
        if actor.subject.scope == .all {
            tiles += [
                Tile(title: req.t("admin.organisation"), description: req.t("admin.organisation.description"), path: "/admin/organisation"),
                Tile(title: req.t("admin.roles"), description: req.t("admin.roles.description"), path: "/admin/roles"),
                Tile(title: req.t("admin.groups"), description: req.t("admin.groups.description"), path: "/admin/groups"),
                Tile(title: req.t("admin.audit"), description: req.t("admin.audit.description"), path: "/admin/audit"),
                Tile(title: req.t("admin.outbox"), description: req.t("admin.outbox.description"), path: "/admin/outbox"),
                Tile(title: req.t("admin.jobs"), description: req.t("admin.jobs.description"), path: "/admin/jobs"),
                Tile(title: req.t("webhooks.title"), description: req.t("webhooks.tile"), path: "/admin/webhooks"),
                Tile(title: req.t("tariffs.title"), description: req.t("tariffs.description"), path: "/admin/tariffs"),
                Tile(title: req.t("blanks.title"), description: req.t("blanks.tile"), path: "/admin/blanks"),
            ]
        }
        return try await req.page("admin/index", title: "admin.title", ["tiles": tiles])
    }
}
