/// The Russian taxpayer number (ИНН): 10 digits for an organisation, 12 for a person or an individual
/// entrepreneur, with the check digits of the Federal Tax Service. Checking the digits catches the commonest
/// typing mistakes (a swapped or mistyped digit) before a wrong partner ends up in a contract or a report.
public enum TaxpayerNumber {
    public enum Problem: String, Sendable, Equatable {
        /// Not 10 or 12 digits.
        case format = "inn.format"
        /// The right length, but a check digit does not match.
        case checksum = "inn.checksum"
    }

    /// Nil when the number is a valid ИНН; otherwise what is wrong with it.
    public static func problem(_ text: String) -> Problem? {
        let digits = text.compactMap(\.wholeNumberValue)
        guard digits.count == text.count, text.allSatisfy(\.isASCII), digits.count == 10 || digits.count == 12 else {
            return .format
        }
        if digits.count == 10 {
            return checkDigit(digits, weights: [2, 4, 10, 3, 5, 9, 4, 6, 8]) == digits[9] ? nil : .checksum
        }
        let eleventh = checkDigit(digits, weights: [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
        let twelfth = checkDigit(digits, weights: [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
        return eleventh == digits[10] && twelfth == digits[11] ? nil : .checksum
    }

    public static func isValid(_ text: String) -> Bool {
        problem(text) == nil
    }

    /// The weighted sum of the leading digits, modulo 11, then modulo 10 (a remainder of 10 becomes 0).
    private static func checkDigit(_ digits: [Int], weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11 % 10
    }
}
