import Foundation

/// «Документ: Выберите документ» on the client form. The client base keeps one identity document, optional,
/// to tell apart two people with the same name and birth date; the full set is asked for on the contract.
public enum ClientDocumentKind: String, CaseIterable, Sendable, Codable {
    /// «Паспорт гражданина РФ»: series of 4 digits and number of 6, as on the contract form.
    case russianPassport = "passport"
    /// «Иностранный паспорт».
    case foreignPassport = "foreign_passport"
    /// «Свидетельство о рождении»: children are insured too.
    case birthCertificate = "birth_certificate"

    public var russianName: String {
        switch self {
        case .russianPassport: "Паспорт гражданина РФ"
        case .foreignPassport: "Иностранный паспорт"
        case .birthCertificate: "Свидетельство о рождении"
        }
    }

    public var englishName: String {
        switch self {
        case .russianPassport: "Russian passport"
        case .foreignPassport: "Foreign passport"
        case .birthCertificate: "Birth certificate"
        }
    }

    /// The stored «Серия и номер»: a Russian passport as "1010 101010"; other documents as typed, upper-cased,
    /// single spaces. Nil when the text is not acceptable for the kind.
    public func normalizedNumber(_ text: String) -> String? {
        let trimmed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").uppercased()
        switch self {
        case .russianPassport:
            let digits = trimmed.filter { $0 != " " }
            guard digits.count == 10, digits.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
            return "\(digits.prefix(4)) \(digits.suffix(6))"
        case .foreignPassport, .birthCertificate:
            let allowed = trimmed.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
            guard allowed, (4...20).contains(trimmed.count), trimmed.contains(where: \.isNumber) else { return nil }
            return trimmed
        }
    }
}
