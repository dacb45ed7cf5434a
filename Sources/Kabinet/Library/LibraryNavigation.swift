import KabinetDomain
import Vapor

/// «Документы ▾» in the top menu (available in every section, as the seed says) and the «Документы» tile: the
/// dropdown lists the library's categories; the entry itself opens all the tiles.
enum LibraryNavigation {
    static var documents: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.documents", descriptionKey: "tile.documents", path: "/documents", icon: "file",
            required: Permission(.documents, .view),
            children: { req in
                var links = LibraryCategory.allCases.map {
                    NavigationLink(title: req.t($0.titleKey), path: "/documents?category=\($0.rawValue)")
                }
                if let actor = req.optionalActor, LibraryAccess.mayManage(actor) {
                    links.append(NavigationLink(title: req.t("library.manage.title"), path: "/documents/manage"))
                }
                return links
            })
    }
}
