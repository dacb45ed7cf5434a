import Fluent
import Vapor

/// The page behind the header bell: my notifications, newest first, with read and unread.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("notifications")
        group.get(use: list)
        group.post(":id", "open", use: open)
        group.post("read-all", use: readAll)
    }

    struct Row: Encodable {
        var id: UUID
        var title: String
        var body: String
        var createdAt: String
        var unread: Bool
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var paging: Paging.Links
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.actor
        let paging = Paging(page: try? req.query.get(Int.self, at: "page"))
        let query = Notification.query(on: req.db).filter(\.$user.$id == actor.userID)
        let total = try await query.count()
        let rows = try await query.copy().sort(\.$createdAt, .descending).range(paging.offset..<(paging.offset + paging.size)).all()
        return try await req.page("notifications/list", title: "notifications.title", ListContent(
            rows: rows.map { note in
                let text = req.application.localization
                return Row(
                    id: note.id!, title: text.text(note.title, locale: req.locale, note.arguments),
                    body: text.text(note.body, locale: req.locale, note.arguments),
                    createdAt: MoscowTime.dateTime(note.createdAt), unread: note.readAt == nil)
            },
            paging: paging.links(total: total, request: req)))
    }

    /// Marks one notification read and goes to what it is about.
    func open(req: Request) async throws -> Response {
        let actor = try req.actor
        guard let id = req.parameters.get("id", as: UUID.self),
            let notification = try await Notification.query(on: req.db).filter(\.$id == id).filter(\.$user.$id == actor.userID).first()
        else { throw AppError.notFound }
        if notification.readAt == nil {
            notification.readAt = Date()
            try await notification.save(on: req.db)
        }
        return req.redirect(to: req.safeReturnPath(notification.link, fallback: "/notifications"))
    }

    func readAll(req: Request) async throws -> Response {
        let actor = try req.actor
        try await Notification.query(on: req.db).filter(\.$user.$id == actor.userID).filter(\.$readAt == nil)
            .set(\.$readAt, to: Date()).update()
        return req.redirect(to: "/notifications")
    }
}

/// Creating notifications: one place, so every module notifies the same way.
struct Notifier: Sendable {
    let database: any Database

    /// `titleKey` and `bodyKey` are localisation keys; `arguments` fill their `{0}`, `{1}`… when shown.
    func notify(_ userID: UUID, kind: String, titleKey: String, bodyKey: String, arguments: [String] = [], link: String?) async throws {
        try await Notification(userID: userID, kind: kind, titleKey: titleKey, bodyKey: bodyKey, arguments: arguments, link: link)
            .create(on: database)
    }
}
