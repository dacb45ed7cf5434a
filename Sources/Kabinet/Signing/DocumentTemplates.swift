import Foundation
import KabinetDomain

/// The document templates shipped in `Resources/Documents/`: `<kind>.<product>.json` when a product has its own
/// wording, else `<kind>.json`. Read once per file.
enum DocumentTemplates {
    static let directory = Bundle.module.bundleURL.appendingPathComponent("Resources").appendingPathComponent("Documents")

    struct Missing: Error, CustomStringConvertible {
        let kind: String
        var description: String { "No document template for \(kind) in \(DocumentTemplates.directory.path)" }
    }

    static func template(_ kind: String, product: String) throws -> DocumentTemplate {
        for name in ["\(kind).\(product).json", "\(kind).json"] {
            let url = directory.appendingPathComponent(name)
            if let data = try? Data(contentsOf: url) { return try JSONDecoder().decode(DocumentTemplate.self, from: data) }
        }
        throw Missing(kind: kind)
    }
}
