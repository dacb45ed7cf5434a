import Foundation

/// Where in a contract a problem is: a path that mirrors the contract's JSON, e.g.
/// "insured[0].documents.passport.series", "policyholder.contacts.mobile", "beneficiaries[1].share".
///
/// The web form names its inputs with the same paths and the JSON API returns them in problem+json, so
/// one validator serves both and a message lands next to the right input. Paths are stable API: renaming a
/// property renames a path, which the form and API clients would notice.
public struct ContractField: Sendable, Hashable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let path: String

    public init(_ path: String) { self.path = path }

    public init(stringLiteral value: String) { self.path = value }

    /// `insured` → `insured.lastName`; the empty root → `lastName`.
    public func child(_ name: String) -> ContractField {
        ContractField(path.isEmpty ? name : path + "." + name)
    }

    /// `insured` → `insured[2]`.
    public func item(_ index: Int) -> ContractField {
        ContractField(path + "[\(index)]")
    }

    public var description: String { path }

    /// The top of a stand-alone object (a person validated on its own): paths start at its properties.
    public static let root = ContractField("")

    public static let insured = ContractField("insured")
    public static let policyholder = ContractField("policyholder")
    public static let beneficiaries = ContractField("beneficiaries")

    public init(from decoder: any Decoder) throws {
        self.path = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(path)
    }
}

extension FieldError {
    /// A contract problem: the same `FieldError` the pricing form uses, so the app renders and serialises
    /// every field error one way.
    public init(_ field: ContractField, _ key: ContractMessageKey, _ arguments: [String: String] = [:]) {
        self.init(field: field.path, key: key.rawValue, arguments: arguments)
    }
}

/// Collects problems while a validator walks a contract; never stops at the first.
struct ContractProblems {
    private(set) var errors: [FieldError] = []

    mutating func add(_ field: ContractField, _ key: ContractMessageKey, _ arguments: [String: String] = [:]) {
        errors.append(FieldError(field, key, arguments))
    }

    mutating func add(_ more: [FieldError]) {
        errors.append(contentsOf: more)
    }

    /// Adds `contract.required` when `text` is blank; returns the trimmed text otherwise.
    @discardableResult
    mutating func required(_ text: String?, _ field: ContractField) -> String? {
        let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty {
            add(field, .required)
            return nil
        }
        return trimmed
    }

    /// Adds `contract.required` when `value` is nil.
    @discardableResult
    mutating func required<Value>(_ value: Value?, _ field: ContractField) -> Value? {
        if value == nil { add(field, .required) }
        return value
    }

    /// Adds `contract.text.too_long` when `text` is longer than `max` characters.
    mutating func limit(_ text: String, _ field: ContractField, max: Int) {
        if text.count > max { add(field, .textTooLong, ["max": String(max)]) }
    }
}
