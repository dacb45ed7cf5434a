import KabinetDomain

/// «Мои акты» in the top menu and on the start page, for everyone who may see reports (agents and partner admins
/// see their agency's acts; the back office sees every act and the rates).
enum CommissionNavigation {
    static var acts: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.acts", descriptionKey: "tile.acts", path: "/acts", icon: "chart",
            required: Permission(.reports, .view))
    }
}
