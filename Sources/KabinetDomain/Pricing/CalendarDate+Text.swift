import Foundation

/// Text forms of `CalendarDate`: ISO "2024-02-09" for JSON and files, "09.02.2024" for the
/// Russian interface (the seed's form shows dates as ДД.ММ.ГГГГ).
extension CalendarDate: Codable, CustomStringConvertible {
    /// Parses "2024-02-09" or "09.02.2024"; nil for anything else or an impossible date.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces()
        let iso = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        let ru = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        let fields: (y: Substring, m: Substring, d: Substring)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2 {
            fields = (iso[0], iso[1], iso[2])
        } else if ru.count == 3, ru[0].count == 2, ru[1].count == 2, ru[2].count == 4 {
            fields = (ru[2], ru[1], ru[0])
        } else {
            return nil
        }
        guard [fields.y, fields.m, fields.d].allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let y = Int(fields.y), let m = Int(fields.m), let d = Int(fields.d)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// "2024-02-09".
    public var iso: String {
        String(year).leftPadded(to: 4) + "-" + String(month).leftPadded(to: 2) + "-" + String(day).leftPadded(to: 2)
    }

    /// "09.02.2024".
    public var russian: String {
        String(day).leftPadded(to: 2) + "." + String(month).leftPadded(to: 2) + "." + String(year).leftPadded(to: 4)
    }

    public var description: String { iso }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a date: \"\(text)\" (expected YYYY-MM-DD)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
