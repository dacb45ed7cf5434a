import KabinetDomain

/// «Договоры» in the top menu and on the start page; the list behind it is `/contracts`.
enum ContractsNavigation {
    static var contracts: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.contracts", descriptionKey: "tile.contracts", path: "/contracts", icon: "contract",
            required: Permission(.contracts, .view))
    }
}
