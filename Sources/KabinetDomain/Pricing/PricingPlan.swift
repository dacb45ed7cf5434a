import Foundation

/// One loaded tariff version together with the linear models already worked out for it.
///
/// A `PricingModel` depends only on the tariff and on (frequency, term, age, sex, selected risks) — not on the
/// amount — and building one is the expensive part of a quote: the accumulation factor of a monthly 20-year
/// contract is 240 exact multiplications, and every rate-table premium is several `Decimal` divisions. A tariff
/// version never changes once loaded, so each model is built once by the very same code and then reused; a quote
/// is then one solve and a few affine evaluations. The results are the same numbers, only computed once.
///
/// Owned by `ProductCatalog`, whose definitions cannot be edited after `make`, so a model can never outlive the
/// definition it was built from.
public final class PricingPlan: @unchecked Sendable {
    public let product: ProductDefinition
    /// Bounded: even an unusual mix of requests cannot grow it without limit (it is simply started again).
    static let capacity = 4096

    private let lock = NSLock()
    private var models: [Key: PricingModel] = [:]

    struct Key: Hashable {
        var frequency: PaymentFrequency
        var term: Int
        var age: Int
        var sex: Sex
        var selected: Set<String>
    }

    public init(_ product: ProductDefinition) {
        self.product = product
    }

    /// Prices with this version; the same answer as `PricingEngine.quote(request, product: product)`.
    public func quote(_ request: QuoteRequest) -> Result<Quote, QuoteRejection> {
        PricingEngine.quote(request, product: product) { _, frequency, term, age, sex, selected in
            model(frequency: frequency, term: term, age: age, sex: sex, selected: selected)
        }
    }

    /// The model for one combination, built on first use.
    func model(frequency: PaymentFrequency, term: Int, age: Int, sex: Sex, selected: Set<String>) -> PricingModel {
        let key = Key(frequency: frequency, term: term, age: age, sex: sex, selected: selected)
        if let known = lock.withLock({ models[key] }) { return known }
        // Built outside the lock: two requests racing for a new key both build the same value.
        let built = PricingModel(product: product, frequency: frequency, term: term, age: age, sex: sex, selected: selected)
        lock.withLock {
            if models.count >= Self.capacity { models.removeAll(keepingCapacity: true) }
            models[key] = built
        }
        return built
    }

    /// How many models are remembered (for tests).
    var cachedModelCount: Int { lock.withLock { models.count } }
}
