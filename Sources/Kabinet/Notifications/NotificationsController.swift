import Fluent
import Vapor

/// The page behind the header bell: my notifications, newest first, filtered by kind and «только непрочитанные»,
/// paged; opening one marks it read, «Отметить все прочитанными» clears the bell.
struct NotificationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("notifications")
        group.get(use: list)
        group.post(":id", "open", use: open)
        group.post("read-all", use: readAll)
    }

    struct Row: Encodable {
        var id: UUID
        var kind: String
        var title: String
        var body: String
        var createdAt: String
        var unread: Bool
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var kinds: [SelectOption]
        var unreadOnly: Bool
        var filtered: Bool
        var unreadTotal: Int
        var paging: Paging.Links
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.actor
        let paging = Paging(page: try? req.query.get(Int.self, at: "page"))
        let offered = NotificationKind.offered(to: actor.permissions).map(\.code)
        let kind = (try? req.query.get(String.self, at: "kind")).flatMap { offered.contains($0) ? $0 : nil }
        let unreadOnly = (try? req.query.get(String.self, at: "unread")) == "1"
        let query = Notification.query(on: req.db).filter(\.$user.$id == actor.userID)
        if let kind { query.filter(\.$kind == kind) }
        if unreadOnly { query.filter(\.$readAt == nil) }
        let total = try await query.count()
        let notes = try await query.copy().sort(\.$createdAt, .descending).sort(\.$id)
            .range(paging.offset..<(paging.offset + paging.size)).all()
        let text = req.application.localization
        return try await req.page("notifications/list", title: "notifications.title", ListContent(
            rows: try notes.map { note in
                Row(id: try note.requireID(), kind: req.t("notification.kind.\(note.kind)"),
                    title: text.text(note.title, locale: req.locale, note.arguments),
                    body: text.text(note.body, locale: req.locale, note.arguments),
                    createdAt: MoscowTime.dateTime(note.createdAt), unread: note.readAt == nil)
            },
            kinds: offered.map { SelectOption(value: $0, label: req.t("notification.kind.\($0)"), selected: $0 == kind) },
            unreadOnly: unreadOnly, filtered: kind != nil || unreadOnly,
            unreadTotal: try await Notification.unreadCount(for: actor.userID, on: req.db),
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
        return req.redirect(to: "/notifications", flash: "notifications.all_read")
    }
}
