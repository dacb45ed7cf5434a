import Foundation

/// A contract document as data: its file name, title and blocks, with `{placeholders}` filled from the contract.
/// Kept in JSON next to the tariffs so the insurer's wording changes without a release; a product may have its
/// own template (`policy.product-1.json`) in place of the common one (`policy.json`).
public struct DocumentTemplate: Sendable, Codable, Equatable {
    /// "policy", "memo", "information_materials", "conditions".
    public var kind: String
    /// E.g. "policy_{number}.pdf", as the seed's attachments are named.
    public var filename: String
    public var title: String
    public var blocks: [Block]

    public enum Block: Sendable, Codable, Equatable {
        case heading(String)
        case subheading(String)
        case paragraph(String)
        /// Label and value rows; a row whose value is empty after filling is left out.
        case fields([[String]])
        /// A table the renderer is given by name (e.g. "risks": the quote's lines).
        case table(String)
        case rule
        case space(Double)

        private enum CodingKeys: String, CodingKey { case heading, subheading, paragraph, fields, table, rule, space }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try container.decodeIfPresent(String.self, forKey: .heading) { self = .heading(text) }
            else if let text = try container.decodeIfPresent(String.self, forKey: .subheading) { self = .subheading(text) }
            else if let text = try container.decodeIfPresent(String.self, forKey: .paragraph) { self = .paragraph(text) }
            else if let rows = try container.decodeIfPresent([[String]].self, forKey: .fields) {
                guard rows.allSatisfy({ $0.count == 2 }) else {
                    throw DecodingError.dataCorruptedError(forKey: .fields, in: container,
                                                           debugDescription: "each field is [label, value]")
                }
                self = .fields(rows)
            }
            else if let name = try container.decodeIfPresent(String.self, forKey: .table) { self = .table(name) }
            else if try container.decodeIfPresent(Bool.self, forKey: .rule) == true { self = .rule }
            else if let points = try container.decodeIfPresent(Double.self, forKey: .space) { self = .space(points) }
            else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                    "a block is one of heading, subheading, paragraph, fields, table, rule, space"))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .heading(let text): try container.encode(text, forKey: .heading)
            case .subheading(let text): try container.encode(text, forKey: .subheading)
            case .paragraph(let text): try container.encode(text, forKey: .paragraph)
            case .fields(let rows): try container.encode(rows, forKey: .fields)
            case .table(let name): try container.encode(name, forKey: .table)
            case .rule: try container.encode(true, forKey: .rule)
            case .space(let points): try container.encode(points, forKey: .space)
            }
        }
    }

    /// `{name}` replaced by `values[name]`; an unknown name is left visible so a template mistake shows.
    public static func fill(_ text: String, _ values: [String: String]) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return output + rest[open...] }
            let name = String(rest[rest.index(after: open)..<close])
            output += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }
}
