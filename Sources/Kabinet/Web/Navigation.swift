import KabinetDomain
import Vapor

/// A section of the portal as navigation and the start page show it. Modules register their own entries when
/// they land, so the menu shows exactly the sections that exist and that the user may open.
struct NavigationEntry: Sendable {
    var titleKey: String
    var descriptionKey: String
    var path: String
    var icon: String
    /// The grant needed to see the entry; nil means every logged-in user.
    var required: Permission?
    var inTopMenu: Bool = true
    /// Makes the top-menu entry a dropdown («Продукты ▾») of these links, worked out per request (the product
    /// catalog changes without a restart). The entry's own path stays the "show all" link and the start-page tile.
    var children: NavigationChildren?
}

/// One link of a dropdown entry.
struct NavigationLink: Sendable {
    var title: String
    var path: String
}

typealias NavigationChildren = @Sendable (Request) async throws -> [NavigationLink]

struct NavigationRegistry: Sendable {
    private(set) var entries: [NavigationEntry] = []

    mutating func add(_ entry: NavigationEntry) {
        entries.append(entry)
    }

    func visible(to actor: Actor) -> [NavigationEntry] {
        entries.filter { entry in entry.required.map(actor.permissions.allows) ?? true }
    }
}

extension Application {
    private struct NavigationKey: StorageKey { typealias Value = NavigationRegistry }

    var navigation: NavigationRegistry {
        get { storage[NavigationKey.self] ?? NavigationRegistry() }
        set { storage[NavigationKey.self] = newValue }
    }
}
