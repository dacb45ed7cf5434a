import Foundation
import KabinetDomain

/// One typed cell of an `XLSXWriter` row. Money and numbers become number cells, dates become serial numbers with
/// a date style, so a spreadsheet sums, filters and sorts them as numbers and dates rather than as text.
enum XLSXCell: Sendable {
    /// Text written inline in the sheet (names, numbers of contracts: values that rarely repeat).
    case text(String)
    /// Text that repeats across rows (a product, an office, a status): stored once in the shared strings table,
    /// which keeps the file small; past `XLSXWriter.sharedStringLimit` distinct values it is written inline.
    case label(String)
    /// A whole number («Застрахованных», a count), shown with thousands separators.
    case integer(Int64)
    /// A decimal number shown with `decimals` digits after the point.
    case number(Decimal, decimals: Int)
    /// An amount in minor units (kopecks), shown as «1 234,56»; never a Double on the way.
    case money(minorUnits: Int64)
    /// A calendar day, shown as ДД.ММ.ГГГГ.
    case date(CalendarDate)
    /// An instant shown in `zone` as ДД.ММ.ГГГГ ЧЧ:ММ.
    case dateTime(Date, zone: TimeZone)
    case empty

    /// Days from the spreadsheet epoch (30.12.1899, which absorbs Excel's 1900 leap-year bug for dates after
    /// 1 March 1900) to `day`.
    static func serial(_ day: CalendarDate) -> Int {
        epoch.days(until: day)
    }

    static let epoch = CalendarDate(year: 1899, month: 12, day: 30)!
}
