import Foundation
import KabinetDomain

/// The byte-level formats the report files are written with, appended straight to an output buffer: no `String`
/// per cell, no formatter per row. Numbers and dates are integer arithmetic, so they are exact and fast.
extension Array where Element == UInt8 {
    @inline(__always) mutating func appendASCII(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func appendText(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }

    /// A whole number in decimal digits.
    mutating func appendDecimal(_ value: Int64) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// `value` (0 ≤ value < 10^width) as exactly `width` digits with leading zeros.
    mutating func appendDigits(_ value: Int, width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor &*= 10 }
        var rest = value
        while divisor > 0 {
            append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// ДД.ММ.ГГГГ.
    mutating func appendRussianDate(_ day: CalendarDate) {
        appendDigits(day.day, width: 2)
        append(UInt8(ascii: "."))
        appendDigits(day.month, width: 2)
        append(UInt8(ascii: "."))
        appendDigits(day.year, width: 4)
    }

    /// ДД.ММ.ГГГГ ЧЧ:ММ of a local instant (`LocalClock.localSeconds`).
    mutating func appendRussianDateTime(localSeconds local: Int) {
        let days = LocalClock.floorDivide(local, 86_400)
        let minutes = (local - days * 86_400) / 60
        appendRussianDate(CalendarDate(dayNumber: days))
        append(UInt8(ascii: " "))
        appendDigits(minutes / 60, width: 2)
        append(UInt8(ascii: ":"))
        appendDigits(minutes % 60, width: 2)
    }

    /// An amount in minor units as "-1234,56" (`separator` "," for CSV, "." for XML), exact to the kopeck.
    mutating func appendMoney(minorUnits: Int64, separator: UInt8) {
        if minorUnits < 0 { append(UInt8(ascii: "-")) }
        let magnitude = minorUnits.magnitude
        appendDecimal(Int64(magnitude / 100))
        append(separator)
        appendDigits(Int(magnitude % 100), width: 2)
    }

    /// The spreadsheet serial of a local instant: days since 30.12.1899 and ten decimals of the day (a tenth of a
    /// millisecond, finer than the minutes shown).
    mutating func appendSerial(localSeconds local: Int) {
        let days = LocalClock.floorDivide(local, 86_400)
        let seconds = local - days * 86_400
        appendDecimal(Int64(days + 25_569))
        guard seconds > 0 else { return }
        append(UInt8(ascii: "."))
        appendDigits(Int((Int64(seconds) * 10_000_000_000 + 43_200) / 86_400), width: 10)
    }
}

extension String {
    /// Whether any UTF-8 byte satisfies `test`, scanning the string's own storage.
    @inline(__always) func containsByte(where test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? utf8.contains(where: test)
    }
}
