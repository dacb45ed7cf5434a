import Foundation

/// All loaded tariff versions, looked up by product code and date.
///
/// Several versions of one product may be loaded at once: new quotes use the latest version
/// already valid today, while a contract is re-priced with the exact version it stored.
public struct ProductCatalog: Sendable {
    public private(set) var definitions: [ProductDefinition]
    /// `definitions` with their remembered pricing models, in the same order (see `PricingPlan`).
    public let plans: [PricingPlan]

    /// Builds a catalog; two files with the same code and version are an error, never a silent
    /// "last one wins".
    public static func make(_ definitions: [ProductDefinition]) -> Result<ProductCatalog, TariffRejection> {
        var seen: Set<String> = []
        var issues: [TariffIssue] = []
        for product in definitions where !seen.insert(product.code + "\u{0}" + product.version).inserted {
            issues.append(TariffIssue(path: "", key: .tariffCatalogDuplicate, arguments: [
                "code": product.code, "version": product.version]))
        }
        return issues.isEmpty ? .success(ProductCatalog(unchecked: definitions)) : .failure(TariffRejection(issues))
    }

    init(unchecked definitions: [ProductDefinition]) {
        self.definitions = definitions
        self.plans = definitions.map(PricingPlan.init)
    }

    /// Products on sale on `date` (latest valid version of each), ordered as tiles:
    /// by `sortOrder`, then name.
    public func products(on date: CalendarDate) -> [ProductDefinition] {
        Set(definitions.map(\.code)).compactMap { product($0, on: date) }
            .sorted { ($0.sortOrder, $0.name, $0.code) < ($1.sortOrder, $1.name, $1.code) }
    }

    /// The version of `code` used for new quotes on `date`.
    public func product(_ code: String, on date: CalendarDate) -> ProductDefinition? {
        plan(code, on: date)?.product
    }

    /// The version of `code` used for new quotes on `date`, ready to price.
    public func plan(_ code: String, on date: CalendarDate) -> PricingPlan? {
        plans.filter { $0.product.code == code && $0.product.validFrom <= date }
            .max { ($0.product.validFrom, $0.product.version) < ($1.product.validFrom, $1.product.version) }
    }

    /// An exact version, for re-pricing or showing a stored contract.
    public func product(_ code: String, version: String) -> ProductDefinition? {
        definitions.first { $0.code == code && $0.version == version }
    }

    /// Prices with the version valid on the request's `today`; an unknown or not yet valid
    /// product is a field error like any other.
    public func quote(_ request: QuoteRequest) -> Result<Quote, QuoteRejection> {
        guard let plan = plan(request.productCode, on: request.today) else {
            return .failure(QuoteRejection([FieldError(.product, .pricingProductUnknown, ["value": request.productCode])]))
        }
        return plan.quote(request)
    }
}
