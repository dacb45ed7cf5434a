import Fluent
import Foundation

/// One stored version of a product's tariff: the JSON text exactly as loaded (docs/TARIFFS.md).
///
/// Rows are only ever added, never edited or deleted: a quote or contract names the `code` + `version` it was
/// priced with, and that version must stay readable forever. The catalog is rebuilt from these rows
/// (`ProductCatalogStore`), so every instance prices from the same data.
final class ProductVersion: Model, @unchecked Sendable {
    static let schema = "product_versions"

    /// Where a version came from: shipped with the program, or uploaded by an administrator.
    enum Source: String, Codable, Sendable {
        case bundled
        case upload
    }

    @ID var id: UUID?
    /// Product code from the file («product-1»).
    @Field(key: "code") var code: String
    /// Tariff version label from the file («2024.1»).
    @Field(key: "version") var version: String
    /// Product name at the time of loading, for lists that should not decode the definition.
    @Field(key: "name") var name: String
    /// The tariff JSON text.
    @Field(key: "definition") var definition: String
    @Field(key: "source") var source: Source
    /// Login of the administrator who uploaded it; nil for bundled files.
    @OptionalField(key: "uploaded_by") var uploadedBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(id: UUID? = nil, code: String, version: String, name: String, definition: String, source: Source,
        uploadedBy: String? = nil)
    {
        self.id = id
        self.code = code
        self.version = version
        self.name = name
        self.definition = definition
        self.source = source
        self.uploadedBy = uploadedBy
    }
}
