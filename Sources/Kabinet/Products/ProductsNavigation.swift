import Foundation
import KabinetDomain
import Vapor

/// «Продукты ▾» in the top menu and the «Продукты» tile on the start page; «Расчеты» (saved quotes) as a tile.
enum ProductsNavigation {
    static var products: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.products", descriptionKey: "tile.products", path: "/products", icon: "calculator",
            required: Permission(.products, .view),
            children: { req in
                let catalog = try await ProductCatalogStore.catalog(req.application)
                return catalog.products(on: QuoteService(request: req).today()).map {
                    NavigationLink(title: name($0, req: req), path: "/products/\($0.code)")
                }
            })
    }

    static var quotes: NavigationEntry {
        NavigationEntry(
            titleKey: "nav.quotes", descriptionKey: "tile.quotes", path: "/quotes", icon: "file",
            required: Permission(.products, .view), inTopMenu: false)
    }

    /// The product's name in the request's language (the Russian one when the file has no English name).
    static func name(_ product: ProductDefinition, req: Request) -> String {
        req.locale == "en" ? (product.englishName ?? product.name) : product.name
    }
}
