import Foundation

/// One field of an application type's form, as the back office configured it: «Новая фамилия», a date, a choice
/// among options, or a file (a scan of the new passport). The schema is data, so a new kind of application needs
/// no release.
public struct ApplicationField: Codable, Hashable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case text
        case date
        case choice
        case file
    }

    /// Stable name of the answer, latin letters, digits and «_»; the personal-data change reads known keys.
    public var key: String
    /// What the agent sees next to the input.
    public var label: String
    public var kind: Kind
    public var required: Bool
    /// The choices of a `choice` field, in order; empty for the other kinds.
    public var options: [String]

    public init(key: String, label: String, kind: Kind, required: Bool = false, options: [String] = []) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.options = options
    }

    /// Keys are used in form names and JSON: short, lower-case latin, digits and «_», starting with a letter.
    public static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, (1...40).contains(key.count),
              CharacterSet.lowercaseLetters.contains(first), first.isASCII
        else { return false }
        return key.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
            && key == key.lowercased()
    }
}

/// What completing an application does besides closing it.
public enum ApplicationEffect: String, CaseIterable, Codable, Sendable {
    /// Nothing automatic: the back office does the work elsewhere (a duplicate is posted, a cancellation booked).
    case none
    /// «Изменение персональных данных»: the answers under `PersonalDataField` keys replace the policyholder's data
    /// in the contract when the application is completed.
    case personalData = "personal_data"

    public var messageKey: String { "applications.effect.\(rawValue)" }
}
