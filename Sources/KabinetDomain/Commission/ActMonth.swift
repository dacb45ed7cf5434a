import Foundation

/// The month an agent act covers («Акт за октябрь 2026»). Acts are monthly and named by month, so the month is a
/// value of its own rather than a pair of dates that could disagree.
public struct ActMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// nil for a month outside 1…12 or a year outside 2000…2200 (nobody sells policies before or after that).
    public init?(year: Int, month: Int) {
        guard (2000...2200).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses "2026-10" (the `<input type="month">` value and the stored form).
    public init?(_ text: String) {
        let parts = text.trimmingSpaces().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// The month a day falls in.
    public init(containing day: CalendarDate) {
        year = day.year
        month = day.month
    }

    public var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }
    public var lastDay: CalendarDate {
        CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }

    /// The month before: the recurring job makes the acts of the month that has just ended.
    public var previous: ActMonth {
        month == 1 ? ActMonth(year: year - 1, month: 12) ?? self : ActMonth(year: year, month: month - 1) ?? self
    }

    public func contains(_ day: CalendarDate) -> Bool { day.year == year && day.month == month }

    /// "2026-10": sorts as text, so the database orders acts by month without a date column.
    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month)
    }

    public static func < (lhs: ActMonth, rhs: ActMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
