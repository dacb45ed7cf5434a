import Vapor

/// The company-wide administration screens (organisation, roles, groups, audit, outbox, jobs, webhooks).
/// Each controller checks `AdminAccess.requireCompanyAdmin` itself, so a route can never be added unguarded
/// by registering it somewhere else.
enum AdminScreens {
    static func register(on routes: any RoutesBuilder) throws {
        try routes.register(collection: OrganisationAdminController())
        try routes.register(collection: RolesAdminController())
        try routes.register(collection: GroupsAdminController())
        try routes.register(collection: AuditAdminController())
        try routes.register(collection: OutboxAdminController())
        try routes.register(collection: JobsAdminController())
        try routes.register(collection: WebhooksAdminController())
    }
}
