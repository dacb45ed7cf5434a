import Foundation

/// A problem in a tariff file, reported to the administrator who uploads it.
///
/// `path` points at the bad field in JSON-path style ("risks[2].premium.rates[0].ageTo"),
/// `key` is a message key (`PricingMessageKey`), `arguments` fill the message.
public struct TariffIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var key: String
    public var arguments: [String: String]

    public init(path: String, key: PricingMessageKey, arguments: [String: String] = [:]) {
        self.path = path
        self.key = key.rawValue
        self.arguments = arguments
    }

    public var description: String {
        let args = arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return "\(path.isEmpty ? "$" : path): \(key)" + (args.isEmpty ? "" : " (\(args))")
    }
}

/// A tariff file that cannot be used; all issues found (decoding stops at the first JSON error,
/// semantic validation reports everything).
public struct TariffRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [TariffIssue]

    public init(_ issues: [TariffIssue]) { self.issues = issues }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
