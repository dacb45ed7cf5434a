import Foundation
import KabinetDomain

/// Times are stored in UTC and shown to people in Moscow time, as the seeds do.
enum MoscowTime {
    static let zone = TimeZone(identifier: "Europe/Moscow")!

    /// The office's day: «сегодня» of every date rule and list preset is a Moscow day.
    static func today() -> CalendarDate {
        CalendarDate(Date(), timeZone: zone)
    }

    /// A formatter of Moscow times in Russian; one per call, as `DateFormatter` is not to be shared across threads.
    static func formatter(_ pattern: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "ru_RU")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter
    }

    static func dateTime(_ date: Date?) -> String {
        guard let date else { return "" }
        return formatter("dd.MM.yyyy HH:mm").string(from: date)
    }

    static func date(_ date: Date?) -> String {
        guard let date else { return "" }
        return formatter("dd.MM.yyyy").string(from: date)
    }

    /// Parses a `yyyy-MM-dd` form value as the start of that day in Moscow.
    static func parseDay(_ text: String?) -> Date? {
        guard let text, !text.isEmpty else { return nil }
        return formatter("yyyy-MM-dd").date(from: text)
    }

    /// The instant the Moscow day of `date` began (daily limits count from it).
    static func startOfDay(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.startOfDay(for: date)
    }
}
