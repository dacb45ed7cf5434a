import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Saved quotes: the list the user may see (newest first, filtered, paged) and one quote exactly as priced.
struct QuotesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("quotes", use: list)
        routes.get("quotes", ":id", use: show)
    }

    struct Row: Encodable {
        var id: UUID
        var createdAt: String
        var insured: String
        var product: String
        var version: String
        var terms: String
        var perPayment: String
        var owner: String
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var filter: QuoteListFilter
        var products: [SelectOption]
        var paging: Paging.Links
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.actor
        let filter = try req.query.decode(QuoteListFilter.self)
        let paging = Paging(page: filter.page)
        let (quotes, total) = try await QuoteService(request: req).list(actor: actor, paging: paging, filter: filter)
        let catalog = try await ProductCatalogStore.catalog(req.application)
        let owners = try await User.query(on: req.db).filter(\.$id ~~ Set(quotes.map(\.ownerID))).all()
        let ownerNames = Dictionary(uniqueKeysWithValues: owners.compactMap { user in user.id.map { ($0, user.fullName) } })
        let rows = try quotes.map { saved in
            let quote = try saved.decodedQuote()
            let product = catalog.product(saved.productCode, version: saved.productVersion)
            return Row(
                id: try saved.requireID(), createdAt: MoscowTime.dateTime(saved.createdAt), insured: saved.insuredFullName,
                product: product.map { ProductsNavigation.name($0, req: req) } ?? quote.productName,
                version: saved.productVersion, terms: Self.terms(quote, req: req),
                perPayment: req.formatted(quote.totalPerPayment), owner: ownerNames[saved.ownerID] ?? "—")
        }
        let products = catalog.products(on: QuoteService(request: req).today()).map {
            SelectOption(value: $0.code, label: ProductsNavigation.name($0, req: req), selected: $0.code == filter.product)
        }
        return try await req.page("products/quotes", title: "quotes.title", ListContent(
            rows: rows, filter: filter, products: products, paging: paging.links(total: total, request: req)))
    }

    struct ShowContent: Encodable {
        var id: UUID
        var product: String
        var productCode: String
        var version: String
        var createdAt: String
        var owner: String
        var agreement: String
        var currency: String
        var frequency: String
        var term: String
        var basis: String
        var policyholder: Bool
        var table: QuoteTable
        var canPriceAgain: Bool
        /// «Оформить договор» continues to the contract form for those who may issue contracts.
        var canIssue: Bool
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.actor
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        let saved = try await QuoteService(request: req).find(id, actor: actor)
        let quote = try saved.decodedQuote()
        let catalog = try await ProductCatalogStore.catalog(req.application)
        let product = catalog.product(saved.productCode, version: saved.productVersion)
        let english = req.locale == "en"
        let agreement = try await saved.agreementID.asyncMap { try await AgencyAgreement.find($0, on: req.db)?.number } ?? nil
        let owner = try await User.find(saved.ownerID, on: req.db)
        return try await req.page("products/quote", title: "quotes.quote", ShowContent(
            id: id, product: product.map { ProductsNavigation.name($0, req: req) } ?? quote.productName,
            productCode: saved.productCode, version: saved.productVersion, createdAt: MoscowTime.dateTime(saved.createdAt),
            owner: owner?.fullName ?? "—", agreement: agreement ?? "—",
            currency: english ? quote.currency.englishName : quote.currency.russianName,
            frequency: english ? quote.frequency.englishName : quote.frequency.russianName,
            term: req.years(quote.term),
            basis: req.t(quote.calculatedFrom == .sumInsured ? "products.basis.sum" : "products.basis.premium"),
            policyholder: saved.isPolicyholder,
            table: QuoteTable(quote, insuredName: saved.insuredFullName, product: product, req: req),
            canPriceAgain: catalog.product(saved.productCode, on: QuoteService(request: req).today()) != nil,
            canIssue: Authorizer.may(actor, .create, in: .contracts)))
    }

    /// «Ежегодно, 5 лет».
    static func terms(_ quote: Quote, req: Request) -> String {
        let frequency = req.locale == "en" ? quote.frequency.englishName : quote.frequency.russianName
        return "\(frequency), \(req.years(quote.term))"
    }
}
