import Foundation

/// Reads tariff files: JSON → `ProductDefinition` → validation, with every failure turned into
/// `TariffIssue`s that name the path of the bad field.
public enum TariffLoader {
    /// Decodes and validates one file's contents.
    public static func load(_ data: Data) -> Result<ProductDefinition, TariffRejection> {
        let product: ProductDefinition
        do {
            product = try JSONDecoder().decode(ProductDefinition.self, from: data)
        } catch {
            return .failure(TariffRejection([issue(for: error)]))
        }
        let issues = TariffValidator.validate(product)
        return issues.isEmpty ? .success(product) : .failure(TariffRejection(issues))
    }

    /// Loads every `*.json` file of a directory (sorted by name). Files that fail are reported
    /// by file name and skipped; the good ones are returned.
    public static func loadDirectory(_ directory: URL) -> (products: [ProductDefinition], failures: [String: TariffRejection]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }
            .sorted()
        var products: [ProductDefinition] = []
        var failures: [String: TariffRejection] = [:]
        for name in names {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                failures[name] = TariffRejection([TariffIssue(path: "", key: .tariffJsonSyntax, arguments: ["detail": "unreadable file"])])
                continue
            }
            switch load(data) {
            case .success(let product): products.append(product)
            case .failure(let rejection): failures[name] = rejection
            }
        }
        return (products, failures)
    }

    /// Maps a decoding error to one issue with a JSON-path-like location.
    static func issue(for error: any Error) -> TariffIssue {
        if let unknown = error as? UnknownTariffField {
            return TariffIssue(path: path(unknown.codingPath), key: .tariffJsonUnknownField, arguments: [
                "field": unknown.field, "allowed": unknown.allowed.joined(separator: ", ")])
        }
        guard let decoding = error as? DecodingError else {
            return TariffIssue(path: "", key: .tariffJsonSyntax, arguments: ["detail": String(describing: error)])
        }
        switch decoding {
        case .keyNotFound(let key, let context):
            return TariffIssue(path: path(context.codingPath + [key]), key: .tariffJsonMissingField)
        case .valueNotFound(_, let context):
            return TariffIssue(path: path(context.codingPath), key: .tariffJsonMissingField)
        case .typeMismatch(let type, let context):
            return TariffIssue(path: path(context.codingPath), key: .tariffJsonWrongType, arguments: [
                "detail": "expected \(type)"])
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return TariffIssue(path: "", key: .tariffJsonSyntax, arguments: [
                "detail": context.underlyingError.map { String(describing: $0) } ?? context.debugDescription])
        case .dataCorrupted(let context):
            return TariffIssue(path: path(context.codingPath), key: .tariffJsonInvalidValue, arguments: [
                "detail": context.debugDescription])
        @unknown default:
            return TariffIssue(path: "", key: .tariffJsonSyntax, arguments: ["detail": String(describing: error)])
        }
    }

    /// "risks[2].premium.rates[0].ageTo" from a coding path.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var result = ""
        for key in codingPath {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(index) {
                result += "[\(index)]"
            } else {
                result += result.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return result
    }
}
