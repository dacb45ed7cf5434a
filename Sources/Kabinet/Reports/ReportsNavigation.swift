import KabinetDomain

/// «Отчеты» in the top menu and on the start page; the request list behind it is `/reports`.
enum ReportsNavigation {
    static var reports: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.reports", descriptionKey: "tile.reports", path: "/reports", icon: "chart",
            required: Permission(.reports, .view))
    }
}
