/// The roles every installation has. Custom roles are rows with their own grants and scope;
/// these are rows too (seeded), so one mechanism serves both and an administrator can read what each may do.
public enum BuiltInRole: String, CaseIterable, Codable, Sendable {
    case agent
    case partnerAdmin = "partner_admin"
    case `operator`
    case teamLead = "team_lead"
    case head
    case administrator

    public var scope: VisibilityScope {
        switch self {
        case .agent: .own
        case .partnerAdmin: .agency
        case .operator, .administrator: .all
        case .teamLead, .head: .groups
        }
    }

    /// The permission matrix of the brief (SPEC §1): sellers create and edit their own work, the back office
    /// changes statuses and services, managers watch and export, administrators manage everything.
    public var permissions: PermissionSet {
        switch self {
        case .agent:
            .sections([
                .products: [.view],
                .contracts: [.view, .create, .edit, .changeStatus, .export],
                .applications: [.view, .create],
                .reports: [.view, .create, .export],
                .documents: [.view],
                .clients: [.view, .create, .edit, .export],
            ])
        case .partnerAdmin:
            .sections([
                .products: [.view],
                .contracts: [.view, .create, .edit, .changeStatus, .export],
                .applications: [.view, .create],
                .reports: [.view, .create, .export],
                .documents: [.view],
                .clients: [.view, .create, .edit, .export],
                .administration: [.view, .manage],
            ])
        case .operator:
            .sections([
                .products: [.view],
                .contracts: [.view, .edit, .changeStatus, .export],
                .applications: [.view, .edit, .changeStatus, .export],
                .reports: [.view, .create, .export],
                .documents: [.view, .create, .edit],
                .clients: [.view, .export],
            ])
        case .teamLead:
            .sections([
                .products: [.view],
                .contracts: [.view, .changeStatus, .export],
                .applications: [.view, .changeStatus, .export],
                .reports: [.view, .create, .export],
                .documents: [.view],
                .clients: [.view, .export],
            ])
        case .head:
            .sections([
                .products: [.view],
                .contracts: [.view, .changeStatus, .export],
                .applications: [.view, .changeStatus, .export],
                .reports: [.view, .create, .export, .manage],
                .documents: [.view],
                .clients: [.view, .export],
            ])
        case .administrator:
            PermissionSet(Permission.all)
        }
    }
}
