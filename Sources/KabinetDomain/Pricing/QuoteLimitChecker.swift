import Foundation

/// Limits checked on the priced result: the payment against the frequency's premium limits and
/// each priced risk's sum against its own limits. When the agent typed the sum insured, a
/// payment outside the limits is reported on «Страховая сумма», the field they can change.
enum QuoteLimitChecker {
    static func errors(lines: [Quote.Line], total: Money, request: QuoteRequest, product: ProductDefinition) -> [FieldError] {
        var errors: [FieldError] = []
        let currency = product.currency.rawValue
        if let limits = product.premiumLimits(for: request.frequency), total < limits.min || total > limits.max {
            let key: PricingMessageKey = request.basis.field == .premium ? .pricingPremiumOutOfLimits : .pricingSumInsuredPremiumOutOfLimits
            errors.append(FieldError(request.basis.field, key, [
                "premium": total.plainString, "min": limits.min.plainString, "max": limits.max.plainString,
                "currency": currency, "frequency": request.frequency.rawValue]))
        }
        for line in lines {
            guard let risk = product.risk(line.riskCode), let range = risk.sumInsuredLimits,
                !range.contains(line.sumInsured.amount)
            else { continue }
            let field: QuoteField = line.riskCode == product.mainRisk ? request.basis.field : .risks
            errors.append(FieldError(field, .pricingRiskSumOutOfLimits, risk.messageArguments.merging([
                "sum": line.sumInsured.plainString, "min": TariffCoding.text(range.min), "max": TariffCoding.text(range.max),
                "currency": currency]) { $1 }))
        }
        return errors
    }
}
