import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Remembers, for a few seconds, which actor a bearer token stands for. Resolving a token costs four queries
/// (token, user, role, access groups) — more than pricing a quote — and integrations call in bursts.
/// A revoked token or a blocked user stops working on this instance at once (the cache is cleared) and on other
/// instances within `lifetime`.
final class APIActorCache: Sendable {
    static let lifetime: TimeInterval = 5
    private let entries = NIOLockedValueBox<[String: (actor: Actor, until: Date)]>([:])

    func actor(forTokenHash hash: String, now: Date = Date()) -> Actor? {
        entries.withLockedValue { entries in
            guard let entry = entries[hash] else { return nil }
            if entry.until > now { return entry.actor }
            entries[hash] = nil
            return nil
        }
    }

    func remember(_ actor: Actor, forTokenHash hash: String, now: Date = Date()) {
        entries.withLockedValue { entries in
            // Bounded: a flood of distinct tokens cannot grow it without limit.
            if entries.count > 10_000 { entries.removeAll() }
            entries[hash] = (actor, now.addingTimeInterval(Self.lifetime))
        }
    }

    func clear() {
        entries.withLockedValue { $0.removeAll() }
    }
}

extension Application {
    private struct APIActorCacheKey: StorageKey { typealias Value = APIActorCache }

    var apiActorCache: APIActorCache {
        if let cache = storage[APIActorCacheKey.self] { return cache }
        let cache = APIActorCache()
        storage[APIActorCacheKey.self] = cache
        return cache
    }
}
