import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The e-mail copy of a notification, for users who chose that kind (`NotificationPreference`): the same title and
/// text as under the bell, in the user's language, with a button to the page it is about. Queued in the `Outbox`
/// on the notification's own database handle, so both are in the same transaction.
struct NotificationMail: Sendable {
    let database: any Database

    /// The site's address and texts. Set once when the routes are registered: callers notify from places that have
    /// only a database handle (a payment callback, a job), and the letter still needs absolute links. Process-wide,
    /// which is right for the one app a server process runs; tests that start apps with other base URLs side by
    /// side share whichever was configured last.
    private static let site = NIOLockedValueBox<(baseURL: String, texts: Localization?)>(("", nil))

    static func configure(_ app: Application) {
        site.withLockedValue { $0 = (app.settings.baseURL, app.localization) }
    }

    func send(_ notification: Notification) async throws {
        let userID = notification.$user.id
        guard try await NotificationPreference.wantsEmail(userID, kind: notification.kind, on: database),
              let user = try await User.find(userID, on: database), user.status == .active, !user.email.isEmpty
        else { return }
        let (baseURL, loaded) = Self.site.withLockedValue { $0 }
        guard let texts = loaded ?? (try? Localization(directory: BundledResources.root + "Localization")) else { return }
        let locale = user.locale.flatMap { Localization.supported.contains($0) ? $0 : nil } ?? Localization.fallback
        let text = { (key: String, arguments: [String]) in texts.text(key, locale: locale, arguments) }
        let title = text(notification.title, notification.arguments)
        let letter = ClientEmail(
            subject: title, greeting: text("notification.email.greeting", [user.fullName]),
            paragraphs: [title, text(notification.body, notification.arguments)],
            button: notification.link.map { (label: text("notification.email.open", []), url: baseURL + $0) },
            afterButton: [text("notification.email.settings", [baseURL + "/notifications/settings"])],
            closing: [text("notification.email.closing", [])])
        try await Outbox(database: database).email(to: user.email, letter)
    }
}
