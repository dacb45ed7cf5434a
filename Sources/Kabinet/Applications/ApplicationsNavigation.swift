import KabinetDomain

/// «Заявления» in the top menu and on the start page, between «Договоры» and «Отчеты» as in the seed's menu.
enum ApplicationsNavigation {
    static var applications: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.applications", descriptionKey: "tile.applications", path: "/applications", icon: "inbox",
            required: Permission(.applications, .view))
    }
}
