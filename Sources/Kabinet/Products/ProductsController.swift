import Foundation
import KabinetDomain
import Vapor

/// The product catalog as tiles and «Расчет по продукту»: calculate, recalculate, and «Оформить», which saves
/// the quote and opens it.
struct ProductsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("products", use: catalog)
        routes.get("products", ":code", use: calculator)
        routes.post("products", ":code", "calculate", use: calculate)
        routes.post("products", ":code", "quote", use: save)
    }

    struct Tile: Encodable {
        var code: String
        var name: String
        var currency: String
        var kind: String
        var summary: String?
    }

    func catalog(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .products)
        let english = req.locale == "en"
        let products = try await ProductCatalogStore.catalog(req.application).products(on: QuoteService(request: req).today())
        let tiles = products.map {
            Tile(code: $0.code, name: ProductsNavigation.name($0, req: req),
                currency: english ? $0.currency.englishName : $0.currency.russianName,
                kind: english ? $0.kind.englishName : $0.kind.russianName, summary: english ? nil : $0.summary)
        }
        return try await req.page("products/index", title: "products.title", ["tiles": tiles])
    }

    /// The empty form, or one filled from a saved quote (`?quote=id`) to price it again with today's tariff.
    func calculator(req: Request) async throws -> Response {
        let actor = try req.actor
        let product = try await product(req, actor: actor)
        var form = CalculatorForm.defaults(for: product, today: QuoteService(request: req).today())
        if let id = req.query[UUID.self, at: "quote"] {
            let saved = try await QuoteService(request: req).find(id, actor: actor)
            let number = try await saved.agreementID.asyncMap { try await AgencyAgreement.find($0, on: req.db)?.number } ?? nil
            form = CalculatorForm(input: try saved.decodedInput(), quote: saved, agreementNumber: number)
        }
        return try await CalculatorPage.render(req, product: product, form: form, actor: actor)
    }

    /// «Рассчитать» / «Пересчитать»: the same form again with the result table, or with a message at each bad field.
    func calculate(req: Request) async throws -> Response {
        let actor = try req.actor
        let product = try await product(req, actor: actor)
        let form = try req.content.decode(CalculatorForm.self)
        switch try await QuoteService(request: req).calculate(form.input(productCode: product.code)) {
        case .success(let quote):
            return try await CalculatorPage.render(req, product: product, form: form, actor: actor, quote: quote)
        case .failure(let rejection):
            return try await CalculatorPage.render(req, product: product, form: form, actor: actor, rejection: rejection)
        }
    }

    /// «Оформить»: prices once more, saves the quote and goes on, as the seed does, to «Заполнение личных данных
    /// клиента» — the contract form filled from it. (Saving needs the right to issue contracts, so the form is
    /// open to whoever gets here.)
    func save(req: Request) async throws -> Response {
        let actor = try req.actor
        let product = try await product(req, actor: actor)
        let form = try req.content.decode(CalculatorForm.self)
        let service = QuoteService(request: req)
        switch try await service.save(form.draft(productCode: product.code), actor: actor) {
        case .success(let saved):
            return req.redirect(to: "/contracts/new?quote=\(try saved.requireID())", flash: "quote.saved")
        case .failure(let rejection):
            let quote = try await service.calculate(form.input(productCode: product.code)).success
            return try await CalculatorPage.render(req, product: product, form: form, actor: actor, rejection: rejection, quote: quote)
        }
    }

    /// The product version on sale today; 404 for an unknown code or one not yet valid.
    private func product(_ req: Request, actor: Actor) async throws -> ProductDefinition {
        try Authorizer.require(actor, .view, in: .products)
        let code = req.parameters.get("code") ?? ""
        let catalog = try await ProductCatalogStore.catalog(req.application)
        guard let product = catalog.product(code, on: QuoteService(request: req).today()) else { throw AppError.notFound }
        return product
    }
}
