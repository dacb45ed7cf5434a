import Vapor

/// The company-wide administration screens (organisation, roles, groups, audit, outbox, jobs).
enum AdminScreens {
    static func register(on routes: any RoutesBuilder) throws {
    }
}
