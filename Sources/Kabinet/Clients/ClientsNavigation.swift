import KabinetDomain
import Vapor

/// «База клиентов» in the top menu and on the start page, for everyone who may look at clients: agents and
/// partners keep their bases, the back office views them.
enum ClientsNavigation {
    static var clients: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.clients", descriptionKey: "tile.clients", path: "/clients", icon: "users",
            required: Permission(.clients, .view))
    }

    /// Registers the client base's pages on the logged-in routes.
    static func register(on routes: any RoutesBuilder) throws {
        try routes.register(collection: ClientListController())
        try routes.register(collection: ClientFormController())
        try routes.register(collection: ClientIssueController())
        try routes.register(collection: ClientProfileController())
    }
}
