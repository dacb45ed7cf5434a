import Foundation

/// Prices a `QuoteRequest` with a `ProductDefinition`: validation, the exact linear solve, then
/// rounding to kopecks so the line premiums add up to the payment exactly.
///
/// Never throws for user input: the outcome is a complete `Quote` or every `FieldError` found.
public enum PricingEngine {
    public static func quote(_ request: QuoteRequest, product: ProductDefinition) -> Result<Quote, QuoteRejection> {
        quote(request, product: product, model: PricingModel.init)
    }

    /// `model` supplies the linear model of the request's combination: built afresh above, or remembered by a
    /// `PricingPlan` — the same value either way.
    static func quote(
        _ request: QuoteRequest, product: ProductDefinition,
        model makeModel: (_ product: ProductDefinition, _ frequency: PaymentFrequency, _ term: Int, _ age: Int, _ sex: Sex,
                          _ selected: Set<String>) -> PricingModel
    ) -> Result<Quote, QuoteRejection> {
        let requestErrors = QuoteRequestValidator.errors(request, product: product)
        guard requestErrors.isEmpty else { return .failure(QuoteRejection(requestErrors)) }

        let age = request.birthDate.age(on: request.startDate)
        let model = makeModel(product, request.frequency, request.term, age, request.sex, request.selectedRisks)
        let field = request.basis.field
        guard let solved = solve(model.equation, basis: request.basis) else {
            return .failure(QuoteRejection([FieldError(field, .pricingUnsolvable)]))
        }
        let exactPremiums = model.premiums.map { $0.amount.value(payment: solved.payment, mainSum: solved.mainSum) }
        guard exactPremiums.allSatisfy({ $0 >= 0 }) else {
            return .failure(QuoteRejection([FieldError(field, .pricingPremiumTooLowForRisks)]))
        }
        let remainderIndex = model.premiums.firstIndex { product.risk($0.code)?.premium == .remainder }
        guard let premiums = roundPremiums(exactPremiums, remainderIndex: remainderIndex, payment: solved.payment,
                                           basis: request.basis, currency: product.currency) else {
            return .failure(QuoteRejection([FieldError(field, .pricingAmountTooLarge)]))
        }
        guard !premiums.contains(where: \.isNegative) else {
            return .failure(QuoteRejection([FieldError(field, .pricingPremiumTooLowForRisks)]))
        }
        var lines: [Quote.Line] = []
        for (index, entry) in model.premiums.enumerated() {
            guard let risk = product.risk(entry.code),
                  let sum = sumInsured(of: risk.code, in: model, solved: solved, basis: request.basis,
                                       product: product)
            else { return .failure(QuoteRejection([FieldError(field, .pricingAmountTooLarge)])) }
            lines.append(Quote.Line(riskCode: risk.code, riskName: risk.name, mandatory: risk.mandatory,
                                    sumInsured: sum, premium: premiums[index]))
        }
        guard let total = checkedSum(lines.map(\.premium), currency: product.currency),
              !total.minorUnits.multipliedReportingOverflow(by: Int64(request.frequency.paymentsPerYear)).overflow
        else { return .failure(QuoteRejection([FieldError(field, .pricingAmountTooLarge)])) }
        let limitErrors = QuoteLimitChecker.errors(lines: lines, total: total, request: request, product: product)
        guard limitErrors.isEmpty else { return .failure(QuoteRejection(limitErrors)) }

        let mainSum = lines.first { $0.riskCode == product.mainRisk }?.sumInsured
            ?? sumInsured(of: product.mainRisk, in: model, solved: solved, basis: request.basis, product: product)
            ?? .zero(product.currency)
        return .success(Quote(
            productCode: product.code, productName: product.name, productVersion: product.version,
            currency: product.currency, startDate: request.startDate,
            endDate: request.startDate.adding(years: request.term).adding(days: -1),
            frequency: request.frequency, term: request.term, sex: request.sex, birthDate: request.birthDate,
            ageAtStart: age, ageAtEnd: age + request.term, calculatedFrom: field, lines: lines,
            totalPerPayment: total, totalPerYear: total * request.frequency.paymentsPerYear,
            paymentCount: request.frequency.paymentCount(term: request.term), mainSumInsured: mainSum))
    }

    /// Solves `equation(P, M) = 0` for the amount that was not given. nil when the tariff makes
    /// the unknown irrelevant (division by zero) — reported, never guessed.
    static func solve(_ equation: AffineAmount, basis: QuoteRequest.Basis) -> (payment: Decimal, mainSum: Decimal)? {
        switch basis {
        case .premium(let money):
            let payment = money.amount
            guard equation.perMainSum != 0 else { return nil }
            return (payment, -(equation.constant + equation.perPayment * payment) / equation.perMainSum)
        case .sumInsured(let money):
            let mainSum = money.amount
            guard equation.perPayment != 0 else { return nil }
            return (-(equation.constant + equation.perMainSum * mainSum) / equation.perPayment, mainSum)
        }
    }

    /// From the premium the payment is fixed, so it is allocated over the exact premiums
    /// (largest remainder). From the sum each premium is rounded half up, so an older insured's
    /// rider can never come out a kopeck cheaper by allocation luck; the payment is then their
    /// sum — or, when a savings part takes the remainder, the payment is rounded once and the
    /// savings part absorbs the rounding, so riders never change the payment.
    static func roundPremiums(_ exact: [Decimal], remainderIndex: Int?, payment: Decimal,
                              basis: QuoteRequest.Basis, currency: CurrencyCode) -> [Money]? {
        switch basis {
        case .premium(let payment):
            return Money.allocate(payment, weights: exact)
        case .sumInsured:
            var rounded = exact.compactMap { Money.rounded($0, currency: currency) }
            guard rounded.count == exact.count else { return nil }
            if let remainderIndex, let total = Money.rounded(payment, currency: currency) {
                let others = rounded.indices.filter { $0 != remainderIndex }.map { rounded[$0] }
                rounded[remainderIndex] = total - Money.sum(others, currency: currency)
            }
            return rounded
        }
    }

    /// Sum that reports Int64 overflow instead of trapping (absurd typed amounts must not crash).
    static func checkedSum(_ values: [Money], currency: CurrencyCode) -> Money? {
        var total: Int64 = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value.minorUnits)
            if overflow { return nil }
            total = next
        }
        return Money(minorUnits: total, currency: currency)
    }

    /// A risk's sum insured rounded half up; the typed main sum is kept exactly.
    static func sumInsured(of code: String, in model: PricingModel, solved: (payment: Decimal, mainSum: Decimal),
                           basis: QuoteRequest.Basis, product: ProductDefinition) -> Money? {
        if code == product.mainRisk, case .sumInsured(let typed) = basis { return typed }
        guard let amount = model.sums[code] else { return nil }
        return Money.rounded(amount.value(payment: solved.payment, mainSum: solved.mainSum), currency: product.currency)
    }
}
