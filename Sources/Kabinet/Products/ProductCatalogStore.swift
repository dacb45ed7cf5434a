import Fluent
import Foundation
import KabinetDomain
import NIOConcurrencyHelpers
import Vapor

/// The product catalog of this instance, built from every stored tariff version (`ProductVersion`).
///
/// Building means decoding and validating every file, so the result is cached in the application. An upload on
/// this instance drops the cache at once (`invalidate`); other instances notice new rows within
/// `refreshInterval` by comparing the row count (rows are only ever added), so several instances converge
/// without a message bus.
enum ProductCatalogStore {
    static let refreshInterval: TimeInterval = 30

    static func catalog(_ app: Application) async throws -> ProductCatalog {
        let cache = cache(app)
        let now = Date()
        if let state = cache.state, now.timeIntervalSince(state.checkedAt) < refreshInterval {
            return state.catalog
        }
        let rows = try await ProductVersion.query(on: app.db).count()
        if let state = cache.state, state.rowCount == rows {
            cache.state = .init(catalog: state.catalog, rowCount: rows, checkedAt: now)
            return state.catalog
        }
        let versions = try await ProductVersion.query(on: app.db).all()
        let catalog = try build(versions, logger: app.logger)
        cache.state = .init(catalog: catalog, rowCount: versions.count, checkedAt: now)
        return catalog
    }

    /// Forgets the cached catalog; the next `catalog` call rebuilds it from the database.
    static func invalidate(_ app: Application) {
        cache(app).state = nil
    }

    /// Decodes the stored definitions. A row that no longer validates (stricter rules in a newer program) is left
    /// out and logged rather than taking the whole catalog down.
    static func build(_ versions: [ProductVersion], logger: Logger) throws -> ProductCatalog {
        var seen: Set<String> = []
        var definitions: [ProductDefinition] = []
        for row in versions where seen.insert(row.code + "\u{0}" + row.version).inserted {
            switch TariffLoader.load(Data(row.definition.utf8)) {
            case .success(let definition): definitions.append(definition)
            case .failure(let rejection):
                logger.error("Stored tariff \(row.code) \(row.version) does not load: \(rejection)")
            }
        }
        // Cannot fail after the de-duplication above (the table is unique on code + version as well).
        return try ProductCatalog.make(definitions).get()
    }

    // MARK: - Cache

    struct State: Sendable {
        var catalog: ProductCatalog
        var rowCount: Int
        var checkedAt: Date
    }

    final class Cache: Sendable {
        private let box = NIOLockedValueBox<State?>(nil)
        var state: State? {
            get { box.withLockedValue { $0 } }
            set { box.withLockedValue { $0 = newValue } }
        }
    }

    private struct CacheKey: StorageKey, LockKey { typealias Value = Cache }

    static func cache(_ app: Application) -> Cache {
        app.locks.lock(for: CacheKey.self).withLock {
            if let cache = app.storage[CacheKey.self] { return cache }
            let cache = Cache()
            app.storage[CacheKey.self] = cache
            return cache
        }
    }
}
