import Foundation

/// A Russian phone number (+7 and ten digits), however it was typed.
///
/// Agents type numbers every way there is — "89161234567", "+7 916 123-45-67", "9161234567",
/// "8 (916) 123 45 67" — and the same client must not end up as three different numbers: the remote-signing
/// flow asks the client to re-enter the phone from the contract, and the client base looks people up by phone.
/// So every number is reduced to its ten national digits and shown one way: "+7 (916) 123-45-67".
public struct RussianPhoneNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What is wrong with a typed number.
    public enum Problem: String, Error, Sendable, Equatable {
        /// Nothing but spaces or a bare "+7" (the form's placeholder).
        case empty
        /// Not ten national digits after +7 / 8, or stray characters.
        case format
        /// A valid number, but not a mobile one (Russian mobile numbers start with 9 after +7).
        case notMobile
    }

    /// The ten digits after +7, e.g. "9161234567".
    public let nationalDigits: String

    /// Parses a typed number; nil when it is not a Russian number. Accepts spaces, dashes, dots and brackets
    /// anywhere, a leading "+7", "7" or "8" before ten digits, or just the ten digits.
    public init?(_ text: String) {
        guard case .success(let number) = Self.parse(text) else { return nil }
        self = number
    }

    private init(nationalDigits: String) {
        self.nationalDigits = nationalDigits
    }

    /// The number, or why it cannot be one.
    public static func parse(_ text: String) -> Result<RussianPhoneNumber, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed == "+7" || trimmed == "+" { return .failure(.empty) }
        let separators: Set<Character> = [" ", "-", "(", ")", ".", "\u{00A0}"]
        var body = Substring(trimmed)
        var hadPlus = false
        if body.hasPrefix("+") {
            hadPlus = true
            body = body.dropFirst()
        }
        let kept = body.filter { !separators.contains($0) }
        guard !kept.isEmpty, kept.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .failure(.format) }
        let national: Substring
        switch (hadPlus, kept.count, kept.first) {
        case (true, 11, "7"): national = kept.dropFirst()
        case (false, 11, "7"), (false, 11, "8"): national = kept.dropFirst()
        case (false, 10, _): national = Substring(kept)
        default: return .failure(.format)
        }
        return .success(RussianPhoneNumber(nationalDigits: String(national)))
    }

    /// Like `parse`, and additionally requires a mobile number («Мобильный телефон»: SMS codes go there).
    public static func parseMobile(_ text: String) -> Result<RussianPhoneNumber, Problem> {
        parse(text).flatMap { $0.isMobile ? .success($0) : .failure(.notMobile) }
    }

    /// Mobile numbers in Russia are the 9XX codes.
    public var isMobile: Bool { nationalDigits.first == "9" }

    /// "+7 (916) 123-45-67", the form the seed's screens show.
    public var formatted: String {
        let d = Array(nationalDigits)
        return "+7 (\(String(d[0..<3]))) \(String(d[3..<6]))-\(String(d[6..<8]))-\(String(d[8..<10]))"
    }

    /// "+79161234567", for SMS gateways and storage.
    public var e164: String { "+7" + nationalDigits }

    public var description: String { formatted }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = RussianPhoneNumber(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a Russian phone number: \(text)")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(e164)
    }
}
