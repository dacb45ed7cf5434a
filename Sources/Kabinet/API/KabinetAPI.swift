import KabinetDomain
import Vapor

/// The operations of `openapi.yaml`, implemented over the products module's services.
///
/// Every handler resolves the caller with `APIContext.authenticated()` and asks the `Authorizer` exactly as the
/// web pages do; failures are thrown and rendered as problem+json by `APIErrorMiddleware`.
struct KabinetAPI: APIProtocol {
    /// The benchmark's plain endpoint: no token, no database.
    func ping(_ input: Operations.Ping.Input) async throws -> Operations.Ping.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func listProducts(_ input: Operations.ListProducts.Input) async throws -> Operations.ListProducts.Output {
        let (request, actor) = try APIContext.authenticated()
        try Authorizer.require(actor, .view, in: .products)
        let today = QuoteService(request: request).today()
        let products = try await ProductCatalogStore.catalog(request.application).products(on: today).filter { product in
            (input.query.currency.map { $0.rawValue == product.currency.rawValue } ?? true)
                && (input.query.kind.map { $0.rawValue == product.kind.rawValue } ?? true)
        }
        return .ok(.init(body: .json(.init(items: try products.map { try .init($0, today: today) }))))
    }

    func getProduct(_ input: Operations.GetProduct.Input) async throws -> Operations.GetProduct.Output {
        let (request, actor) = try APIContext.authenticated()
        try Authorizer.require(actor, .view, in: .products)
        let today = QuoteService(request: request).today()
        guard let product = try await ProductCatalogStore.catalog(request.application).product(input.path.code, on: today)
        else { throw AppError.notFound }
        return .ok(.init(body: .json(try .init(product, today: today))))
    }
}
