import Foundation
import KabinetDomain
import Vapor

/// «+ Оформить»: the calculator of the chosen product with the client as the insured — surname, name,
/// patronymic, birth date, and the sex when the patronymic tells it. The calculator is the products' own page;
/// only its starting form is the client's, so pricing and saving work exactly as from «Продукты».
struct ClientIssueController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("clients", ":id", "issue", use: choose)
        routes.get("clients", ":id", "issue", ":code", use: calculator)
    }

    struct Tile: Encodable {
        var name: String
        var path: String
    }

    struct ChooseContent: Encodable {
        var id: UUID
        var fullName: String
        var tiles: [Tile]
    }

    /// The products on sale; with one product the calculator opens straight away.
    func choose(req: Request) async throws -> Response {
        let visible = try await issuable(req)
        let products = try await ProductCatalogStore.catalog(req.application).products(on: QuoteService(request: req).today())
        let tiles = products.map {
            Tile(name: ProductsNavigation.name($0, req: req), path: "/clients/\(visible.id)/issue/\($0.code)")
        }
        if tiles.count == 1 { return req.redirect(to: tiles[0].path) }
        return try await req.page("clients/issue", title: "clients.issue",
                                  ChooseContent(id: visible.id, fullName: visible.client.fullName, tiles: tiles))
    }

    func calculator(req: Request) async throws -> Response {
        let visible = try await issuable(req)
        let actor = try req.actor
        let today = QuoteService(request: req).today()
        let catalog = try await ProductCatalogStore.catalog(req.application)
        guard let product = catalog.product(req.parameters.get("code") ?? "", on: today) else { throw AppError.notFound }
        let client = visible.client
        var form = CalculatorForm.defaults(for: product, today: today)
        form.lastName = client.lastName
        form.firstName = client.firstName
        form.middleName = client.middleName
        form.birthDate = client.birth?.russian
        form.sex = ClientRules.sex(fromMiddleName: client.middleName)?.rawValue
        return try await CalculatorPage.render(req, product: product, form: form, actor: actor)
    }

    /// The client, visible to the actor and not bound to another agent («недоступен для оформления полисов»).
    private func issuable(_ req: Request) async throws -> VisibleClient {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .products)
        try Authorizer.require(actor, .create, in: .contracts)
        let visible = try await ClientAccess.load(req, .view)
        try ClientAccess.requireUnlocked(visible)
        return visible
    }
}
