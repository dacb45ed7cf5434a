import Foundation

/// Checks a request against the product's sale rules before any arithmetic, collecting every
/// problem so the form can show them all at once.
enum QuoteRequestValidator {
    static func errors(_ request: QuoteRequest, product: ProductDefinition) -> [FieldError] {
        var errors: [FieldError] = []
        if request.productCode != product.code {
            errors.append(FieldError(.product, .pricingProductUnknown, ["value": request.productCode]))
        }
        checkAmount(request, product: product, into: &errors)
        checkStartDate(request, product: product, into: &errors)
        if !product.frequencies.contains(request.frequency) {
            errors.append(FieldError(.frequency, .pricingFrequencyNotAllowed, [
                "value": request.frequency.rawValue, "allowed": product.frequencies.map(\.rawValue).joined(separator: ", ")]))
        }
        let termAllowed = product.terms.contains(request.term)
        if !termAllowed {
            errors.append(FieldError(.term, .pricingTermNotAllowed, [
                "value": String(request.term), "allowed": product.terms.map(String.init).joined(separator: ", ")]))
        }
        checkAge(request, product: product, termAllowed: termAllowed, into: &errors)
        checkRisks(request, product: product, into: &errors)
        return errors
    }

    static func checkAmount(_ request: QuoteRequest, product: ProductDefinition, into errors: inout [FieldError]) {
        let amount = request.basis.amount
        let field = request.basis.field
        if amount.currency != product.currency {
            errors.append(FieldError(field, .pricingCurrencyMismatch, [
                "expected": product.currency.rawValue, "value": amount.currency.rawValue]))
        } else if !amount.isPositive {
            errors.append(FieldError(field, field == .premium ? .pricingPremiumNotPositive : .pricingSumInsuredNotPositive))
        }
    }

    static func checkStartDate(_ request: QuoteRequest, product: ProductDefinition, into errors: inout [FieldError]) {
        let earliest = product.startDate.earliest(today: request.today)
        let latest = product.startDate.latest(today: request.today)
        if request.startDate < earliest || request.startDate > latest {
            errors.append(FieldError(.startDate, .pricingStartDateOutOfRange, [
                "value": request.startDate.iso, "earliest": earliest.iso, "latest": latest.iso]))
        }
    }

    static func checkAge(_ request: QuoteRequest, product: ProductDefinition, termAllowed: Bool, into errors: inout [FieldError]) {
        guard request.birthDate <= request.startDate, request.birthDate <= request.today else {
            errors.append(FieldError(.birthDate, .pricingBirthDateInFuture, ["value": request.birthDate.iso]))
            return
        }
        let limits = product.insuredAge
        let age = request.birthDate.age(on: request.startDate)
        if age < limits.minAtStart || age > limits.maxAtStart {
            errors.append(FieldError(.birthDate, .pricingAgeAtStartOutOfLimits, [
                "age": String(age), "min": String(limits.minAtStart), "max": String(limits.maxAtStart)]))
        } else if termAllowed, age + request.term > limits.maxAtEnd {
            errors.append(FieldError(.birthDate, .pricingAgeAtEndOutOfLimits, [
                "age": String(age + request.term), "max": String(limits.maxAtEnd), "term": String(request.term)]))
        }
    }

    static func checkRisks(_ request: QuoteRequest, product: ProductDefinition, into errors: inout [FieldError]) {
        for code in request.selectedRisks.sorted() where product.risk(code) == nil {
            errors.append(FieldError(.risks, .pricingRiskUnknown, ["risk": code]))
        }
        for risk in product.risks where risk.mandatory && !request.selectedRisks.contains(risk.code) {
            errors.append(FieldError(.risks, .pricingRiskMandatoryMissing, risk.messageArguments))
        }
    }
}
