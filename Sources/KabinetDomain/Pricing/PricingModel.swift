import Foundation

/// The linear model of one request: every selected risk's sum and premium as `AffineAmount`s and
/// the single equation `equation = 0` that ties payment and main sum together.
struct PricingModel {
    var sums: [String: AffineAmount] = [:]
    /// Premiums per payment of the selected risks, in product order.
    var premiums: [(code: String, amount: AffineAmount)] = []
    var equation: AffineAmount = .zero

    init(product: ProductDefinition, frequency: PaymentFrequency, term: Int, age: Int, sex: Sex, selected: Set<String>) {
        for risk in product.risks {
            sums[risk.code] = Self.sum(of: risk.code, in: product, frequency: frequency, term: term, depth: 0, known: &sums)
        }
        let selectedRisks = product.risks.filter { selected.contains($0.code) }
        var others = AffineAmount.zero
        for risk in selectedRisks where risk.premium != .remainder {
            let premium = Self.premium(risk, sum: sums[risk.code] ?? .zero, product: product,
                                       frequency: frequency, term: term, age: age, sex: sex)
            premiums.append((risk.code, premium))
            others = others + premium
        }
        if let remainder = selectedRisks.first(where: { $0.premium == .remainder }) {
            // The savings part takes what is left, so premiums add up to the payment by
            // construction; the main sum follows from the payment through its own rule.
            let index = selectedRisks.firstIndex { $0.code == remainder.code } ?? premiums.endIndex
            premiums.insert((remainder.code, .payment - others), at: min(index, premiums.endIndex))
            equation = .mainSum - (sums[product.mainRisk] ?? .zero)
        } else {
            // The main sum is the free input; the payment is the sum of the premiums.
            equation = others - .payment
        }
    }

    /// A risk's sum insured; `depth` stops a ratio cycle in an unvalidated tariff. `known` holds the sums already
    /// worked out, so a base several riders are a ratio of (the survival sum) is accumulated once, not per rider.
    static func sum(
        of code: String, in product: ProductDefinition, frequency: PaymentFrequency, term: Int, depth: Int,
        known: inout [String: AffineAmount]
    ) -> AffineAmount {
        if let value = known[code] { return value }
        guard depth <= product.risks.count, let risk = product.risk(code) else { return .zero }
        let value = uncachedSum(risk, in: product, frequency: frequency, term: term, depth: depth, known: &known)
        known[code] = value
        return value
    }

    private static func uncachedSum(
        _ risk: RiskDefinition, in product: ProductDefinition, frequency: PaymentFrequency, term: Int, depth: Int,
        known: inout [String: AffineAmount]
    ) -> AffineAmount {
        switch risk.sumInsured {
        case .input:
            return .mainSum
        case .accumulation(let rate):
            return .payment * Accumulation.factor(annualRate: rate, frequency: frequency, term: term)
        case .ratio(let of, let multiplier, let divisor):
            let base = sum(of: of, in: product, frequency: frequency, term: term, depth: depth + 1, known: &known)
            return divisor == 0 ? .zero : base * multiplier / divisor
        case .multipleOfAnnualPayment(let factor):
            return .payment * (factor * Decimal(frequency.paymentsPerYear))
        case .fixed(let amount):
            return .constant(amount)
        }
    }

    /// A non-remainder risk's premium per payment.
    static func premium(_ risk: RiskDefinition, sum: AffineAmount, product: ProductDefinition,
                        frequency: PaymentFrequency, term: Int, age: Int, sex: Sex) -> AffineAmount {
        switch risk.premium {
        case .rateTable:
            let rate = risk.premium.rate(age: age, sex: sex) ?? 0
            let loading = product.frequencyLoadings[frequency] ?? 1
            // Years covered by one payment: the whole term for a single premium, else 1/m
            // (divided last so 1/12 is never rounded on its own).
            let years = frequency == .single ? Decimal(term) : 1
            let perYear = frequency == .single ? 1 : Decimal(frequency.paymentsPerYear)
            return sum * (rate * loading * years) / perYear
        case .shareOfPayment(let share):
            return .payment * share
        case .remainder:
            return .zero
        }
    }
}
