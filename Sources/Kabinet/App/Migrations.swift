import Fluent

/// Every migration in the order it landed. Never edit or reorder a landed one; add a new one at the end.
enum Migrations {
    static let all: [any Migration] = [
        CreateOrganisation(),
        CreateRoles(),
        CreateUsers(),
        CreateAccessGroups(),
        CreateSessions(),
        CreateAuditEntries(),
        CreateNotifications(),
        CreateJobs(),
        CreateOutboxMessages(),
        CreateProductVersions(),
        CreateQuotes(),
        CreateAPITokens(),
        CreateContracts(),
        CreateContractHistory(),
        CreateBlankRanges(),
        CreateBlankAlerts(),
        CreateContractFormStashes(),
        CreateContractListCounts(),
        CreateSigning(),
        CreatePayments(),
        CreateClients(),
        CreateReports(),
        CreateCommission(),
        CreateLibrary(),
        UpdateNotificationsAddEvents(),
        CreateApplications(),
        CreateWebhooks(),
    ]
}
