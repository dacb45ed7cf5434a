import Foundation

/// A range of strict-reporting-form numbers (БСО) issued to one agency agreement for one product, e.g.
/// 5520000000–5520000999. Contract numbers are taken from these ranges in order.
///
/// Numbers are kept as the digit strings they are (a number is an identifier: "0012345678" is not
/// "12345678"), and compared as numbers only between strings of the same length. Taking the next free number
/// atomically is the app's SQL; this type supplies the arithmetic around it.
public struct BlankRange: Sendable, Hashable, Codable {
    /// «Номер агентского договора» (АД).
    public var agreementNumber: String
    public var productCode: String
    /// First number of the range, inclusive.
    public var first: String
    /// Last number of the range, inclusive.
    public var last: String

    /// Lengths of a БСО number accepted; the seed's are 10 digits ("5520000400").
    public static let allowedLengths = 6...18

    public init(agreementNumber: String, productCode: String, first: String, last: String) {
        self.agreementNumber = agreementNumber
        self.productCode = productCode
        self.first = first
        self.last = last
    }

    /// Both ends as numbers, when they are valid digit strings of the same allowed length in order.
    public var bounds: ClosedRange<UInt64>? {
        guard let low = Self.value(first), let high = Self.value(last), first.count == last.count, low <= high
        else { return nil }
        return low...high
    }

    /// How many numbers the range holds; 0 for an invalid range.
    public var capacity: Int {
        guard let bounds else { return 0 }
        return Int(bounds.upperBound - bounds.lowerBound) + 1
    }

    /// Whether `number` (a digit string of the range's length) lies in the range.
    public func contains(_ number: String) -> Bool {
        offset(of: number) != nil
    }

    /// The position of `number` in the range (0 for `first`), nil when outside.
    public func offset(of number: String) -> Int? {
        guard let bounds, number.count == first.count, let value = Self.value(number), bounds.contains(value)
        else { return nil }
        return Int(value - bounds.lowerBound)
    }

    /// The number at `offset` (0 is `first`), zero-padded to the range's length; nil outside the range.
    public func number(at offset: Int) -> String? {
        guard let bounds, offset >= 0, offset < capacity else { return nil }
        let digits = String(bounds.lowerBound + UInt64(offset))
        return String(repeating: "0", count: first.count - digits.count) + digits
    }

    /// Numbers left when `issued` have been taken from the start of the range.
    public func remaining(issued: Int) -> Int {
        max(0, capacity - max(0, issued))
    }

    /// Numbers left after `lastIssued` (nil: none issued yet; a number outside the range: none left).
    public func remaining(after lastIssued: String?) -> Int {
        guard let lastIssued else { return capacity }
        guard let offset = offset(of: lastIssued) else { return 0 }
        return capacity - offset - 1
    }

    /// Two ranges share a number: the same length and intersecting bounds.
    public func overlaps(_ other: BlankRange) -> Bool {
        guard first.count == other.first.count, let mine = bounds, let theirs = other.bounds else { return false }
        return mine.overlaps(theirs)
    }

    /// A digit string of an allowed length as a number.
    static func value(_ text: String) -> UInt64? {
        guard allowedLengths.contains(text.count), text.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        return UInt64(text)
    }
}
