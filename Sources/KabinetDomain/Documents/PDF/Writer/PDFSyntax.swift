import Foundation

/// Spelling of PDF values: numbers, strings, dates. Kept in one place so that every number is
/// written the same locale-free way and the output is byte-for-byte deterministic.
enum PDFSyntax {
    /// A number with at most two decimals, no exponent, no locale ("12.5", "-3", "595.28").
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return sign + String(whole) }
        if fraction % 10 == 0 { return sign + "\(whole).\(fraction / 10)" }
        return sign + "\(whole)." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// Four uppercase hex digits, the code of one glyph in an Identity-H string.
    static func hex4(_ value: UInt16) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 12)], digits[Int(value >> 8 & 0xF)], digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }

    /// A text string for /Info and other dictionaries: UTF-16BE with BOM as a hex string, which
    /// needs no escaping and keeps Cyrillic titles readable in every viewer.
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map(hex4).joined() + ">"
    }

    /// A date string "D:YYYYMMDDHHmmSS+HH'mm'" in the given time zone.
    static func date(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let offset = timeZone.secondsFromGMT(for: date)
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + pad(abs(offset) / 3600, 2) + "'" + pad(abs(offset) % 3600 / 60, 2) + "'"
        return "D:" + pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2)
            + pad(parts.hour, 2) + pad(parts.minute, 2) + pad(parts.second, 2) + zone
    }
}
