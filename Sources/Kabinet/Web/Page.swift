import Fluent
import Vapor

/// What every page's layout needs: the title, the user in the header, the menu, the bell and the flash message.
struct PageFrame: Encodable {
    struct MenuItem: Encodable {
        var title: String
        var description: String
        var path: String
        var icon: String
        var active: Bool
        var inTopMenu: Bool
        /// Links of a dropdown entry; empty for a plain link.
        var children: [Child] = []
    }

    struct Child: Encodable {
        var title: String
        var path: String
        var active: Bool
    }

    struct HeaderUser: Encodable {
        var login: String
        var fullName: String
        var role: String
        var channel: String?
    }

    var title: String
    var company: String
    var locale: String
    var user: HeaderUser?
    var menu: [MenuItem]
    var unreadNotifications: Int
    var flash: String?
    var developmentMailbox: Bool
    /// The current path, so the language switch returns to the same page.
    var path: String
}

/// A page: the frame plus the page's own content.
struct Page<Content: Encodable>: Encodable {
    var frame: PageFrame
    var content: Content
}

struct EmptyContent: Encodable {}

extension Request {
    /// Renders `template` inside the layout, with the frame filled in for the current user.
    func page<Content: Encodable>(
        _ template: String, title key: String, _ content: Content, status: HTTPStatus = .ok
    ) async throws -> Response {
        let frame = try await pageFrame(titleKey: key)
        let view = try await view.render(template, Page(frame: frame, content: content))
        let response = try await view.encodeResponse(status: status, for: self)
        if frame.flash != nil {
            response.cookies[Flash.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        }
        return response
    }

    private func pageFrame(titleKey: String) async throws -> PageFrame {
        let settings = application.settings
        var frame = PageFrame(
            title: t(titleKey), company: settings.companyName, locale: locale, user: nil, menu: [],
            unreadNotifications: 0, flash: Flash.take(from: self).map { t($0) },
            developmentMailbox: settings.developmentMailboxEnabled, path: url.path)
        guard let actor = optionalActor else { return frame }
        let channel: String? = try await actor.channelID.asyncMap { id in
            try await SalesChannel.find(id, on: db)?.name
        } ?? nil
        frame.user = .init(login: actor.login, fullName: actor.fullName, role: t("role.\(actor.roleCode)"), channel: channel)
        for entry in application.navigation.visible(to: actor) {
            var children: [NavigationLink] = []
            do {
                children = try await entry.children?(self) ?? []
            } catch {
                // A dropdown that cannot be filled must not take the whole page down; the entry still links.
                logger.report(error: error)
            }
            frame.menu.append(.init(title: t(entry.titleKey), description: t(entry.descriptionKey), path: entry.path,
                icon: entry.icon, active: url.path.hasPrefix(entry.path), inTopMenu: entry.inTopMenu,
                children: children.map { .init(title: $0.title, path: $0.path, active: url.path == $0.path) }))
        }
        frame.unreadNotifications = try await Notification.unreadCount(for: actor.userID, on: db)
        return frame
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
