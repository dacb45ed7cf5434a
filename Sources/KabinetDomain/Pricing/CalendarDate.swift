import Foundation

/// A date without time or time zone: a birth date, a contract start date, "today" at the office.
///
/// Ages and start-date windows are counted in calendar days; doing that with `Date` would make
/// the result depend on the server's time zone. Arithmetic uses the proleptic Gregorian day
/// number (Howard Hinnant's days-from-civil), pure integers.
public struct CalendarDate: Sendable, Hashable, Comparable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil for impossible dates (31.02.2024, month 13) or years outside 1…9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Inverse of `dayNumber`.
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Same month and day `years` later; 29 February becomes 28 February in a common year
    /// (Civil Code art. 192: a period ending on a missing day ends on the month's last day).
    public func adding(years: Int) -> CalendarDate {
        let target = year + years
        let lastDay = CalendarDate.daysIn(month: month, year: target)
        return CalendarDate(year: target, month: month, day: min(day, lastDay)) ?? self
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// Full years of a person born on `self` on the date `on` (0 before the first birthday,
    /// negative if `on` is before the birth). A 29 February birthday counts on 28 February.
    public func age(on date: CalendarDate) -> Int {
        var years = date.year - year
        if date < adding(years: years) { years -= 1 }
        return years
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDate {
    /// The calendar date of `date` in `timeZone` (the office's "today"; default Moscow).
    public init(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/Moscow") ?? TimeZone(secondsFromGMT: 0)!) {
        var calendar = CalendarDate.officeCalendar
        if calendar.timeZone != timeZone { calendar.timeZone = timeZone }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(dayNumber: 0)
    }

    /// Gregorian in Moscow, made once: "today" is asked on every quote, and a fresh `Calendar` per call costs more
    /// than the rest of the date arithmetic.
    private static let officeCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Moscow") ?? TimeZone(secondsFromGMT: 0)!
        return calendar
    }()
}
