import Foundation

/// A calendar day typed into an `<input type="date">`. Stored as noon UTC of that day, so the day reads the same
/// in Moscow, in UTC and after PostgreSQL casts it to a DATE column (midnight in Moscow is the previous day in UTC).
enum CalendarDay {
    static func parse(_ text: String?) -> Date? {
        guard let text = text?.trimmed, text.count == 10 else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12)
        guard components.isValidDate(in: calendar), (1900...2200).contains(parts[0]) else { return nil }
        return calendar.date(from: components)
    }
}
