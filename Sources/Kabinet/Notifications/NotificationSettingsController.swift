import Fluent
import Vapor

/// «Настройки уведомлений»: which kinds also come by e-mail, chosen by each user for themselves among the kinds
/// their role can receive. Under the bell every kind always comes.
struct NotificationSettingsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("notifications", "settings")
        group.get(use: show)
        group.post(use: save)
    }

    struct KindRow: Encodable {
        var code: String
        var label: String
        var email: Bool
    }

    struct SettingsContent: Encodable {
        var kinds: [KindRow]
        var email: String
    }

    struct Form: Decodable {
        var email: [String]?
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.actor
        let chosen = try await NotificationPreference.emailKinds(of: actor.userID, on: req.db)
        return try await req.page("notifications/settings", title: "notifications.settings", SettingsContent(
            kinds: NotificationKind.offered(to: actor.permissions).map { kind in
                KindRow(code: kind.code, label: req.t(kind.labelKey), email: chosen.contains(kind.code))
            },
            email: actor.email))
    }

    func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let offered = NotificationKind.offered(to: actor.permissions).map(\.code)
        let wanted = Set(try req.content.decode(Form.self).email ?? []).intersection(offered)
        let before = try await NotificationPreference.emailKinds(of: actor.userID, on: req.db)
        try await req.db.transaction { db in
            try await NotificationPreference.save(wanted, offered: offered, for: actor.userID, on: db)
            try await req.audit.on(db).record(
                "notifications.preferences", entity: "user", id: actor.userID.uuidString,
                summary: "Уведомления по e-mail: \(wanted.sorted().joined(separator: ", "))",
                before: before.sorted(), after: wanted.sorted())
        }
        return req.redirect(to: "/notifications/settings", flash: "notifications.settings_saved")
    }
}
