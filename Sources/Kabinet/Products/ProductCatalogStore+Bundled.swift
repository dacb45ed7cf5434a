import Fluent
import Foundation
import KabinetDomain
import Vapor

extension ProductCatalogStore {
    /// The tariff files shipped with the program (`Resources/Tariffs/*.json`).
    static var bundledDirectory: URL {
        URL(fileURLWithPath: BundledResources.root + "Tariffs", isDirectory: true)
    }

    /// Stores the shipped tariff files that the database does not have yet (all of them on a fresh install).
    ///
    /// A version already stored is never touched, so an edited file with an old version label cannot change
    /// quotes priced under it; a release that ships a new version or product adds it. A broken shipped file
    /// stops the start: it is a packaging error, not something to run without. Several instances starting at once
    /// may race to insert the same row; the unique index keeps one and the loser carries on.
    static func importBundled(_ app: Application) async throws {
        let loaded = TariffLoader.loadDirectory(bundledDirectory)
        if let (name, rejection) = loaded.failures.min(by: { $0.key < $1.key }) {
            throw Abort(.internalServerError, reason: "Bundled tariff \(name) is invalid:\n\(rejection)")
        }
        let stored = try await ProductVersion.query(on: app.db).field(\.$code).field(\.$version).all()
        let existing = Set(stored.map { $0.code + "\u{0}" + $0.version })
        var added: [String] = []
        for product in loaded.products where !existing.contains(product.code + "\u{0}" + product.version) {
            let file = bundledDirectory.appendingPathComponent(product.code + ".json")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw Abort(.internalServerError, reason: "Bundled tariff \(product.code) must be named \(product.code).json")
            }
            let row = ProductVersion(code: product.code, version: product.version, name: product.name,
                definition: String(decoding: data, as: UTF8.self), source: .bundled)
            do {
                try await row.create(on: app.db)
                added.append("\(product.code) \(product.version)")
            } catch {
                let raced = try await ProductVersion.query(on: app.db)
                    .filter(\.$code == product.code).filter(\.$version == product.version).count() > 0
                if !raced { throw error }
            }
        }
        guard !added.isEmpty else { return }
        invalidate(app)
        try await Audit.system(app.db, login: "system").record(
            "tariff.imported", entity: "product_version", id: nil,
            summary: "Загружены тарифы из поставки: \(added.count)", after: added)
    }
}
