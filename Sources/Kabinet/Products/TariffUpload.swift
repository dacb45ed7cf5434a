import Fluent
import Foundation
import KabinetDomain
import Vapor

/// An administrator loads a new tariff file or a new version of one (docs/TARIFFS.md).
///
/// The file is validated completely before anything is stored, a version label can be used once per product
/// (a stored version is what quotes were priced with, so it is never replaced), and the catalog of this instance
/// is refreshed at once.
enum TariffUpload {
    /// Files larger than this are refused before parsing; the biggest demo tariff is about 6 KB.
    static let maxBytes = 1_000_000

    static func upload(_ data: Data, actor: Actor, on req: Request) async throws -> Result<ProductVersion, TariffRejection> {
        try await upload(data, actor: actor, on: req.application, audit: req.audit)
    }

    static func upload(_ data: Data, actor: Actor, on app: Application, audit: Audit) async throws
        -> Result<ProductVersion, TariffRejection>
    {
        try Authorizer.require(actor, .manage, in: .products)
        if data.isEmpty || data.count > maxBytes {
            return .failure(TariffRejection([TariffIssue(path: "", key: .tariffJsonSyntax, arguments: [
                "detail": data.isEmpty ? "empty file" : "larger than \(maxBytes / 1000) KB"])]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(TariffRejection([TariffIssue(path: "", key: .tariffJsonSyntax, arguments: ["detail": "not UTF-8 text"])]))
        }
        let product: ProductDefinition
        switch TariffLoader.load(data) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let loaded): product = loaded
        }
        if try await exists(product, on: app.db) { return .failure(duplicate(product)) }
        let row = ProductVersion(code: product.code, version: product.version, name: product.name, definition: text,
            source: .upload, uploadedBy: actor.login)
        do {
            try await app.db.transaction { db in
                try await row.create(on: db)
                try await audit.on(db).record(
                    "tariff.uploaded", entity: "product_version", id: row.id?.uuidString,
                    summary: "Загружена версия \(product.version) тарифа «\(product.name)» (\(product.code)), действует с \(product.validFrom.russian)",
                    after: ["code": product.code, "version": product.version, "validFrom": product.validFrom.iso])
            }
        } catch {
            // Someone uploaded the same version a moment earlier: the unique index refused the second one.
            if try await exists(product, on: app.db) { return .failure(duplicate(product)) }
            throw error
        }
        ProductCatalogStore.invalidate(app)
        return .success(row)
    }

    static func exists(_ product: ProductDefinition, on db: any Database) async throws -> Bool {
        try await ProductVersion.query(on: db).filter(\.$code == product.code).filter(\.$version == product.version)
            .count() > 0
    }

    static func duplicate(_ product: ProductDefinition) -> TariffRejection {
        TariffRejection([TariffIssue(path: "version", key: .tariffVersionExists, arguments: [
            "code": product.code, "version": product.version])])
    }
}
