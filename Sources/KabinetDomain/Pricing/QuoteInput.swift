import Foundation

/// The calculation form exactly as posted: strings, as typed or selected.
///
/// Parsing lives in the domain (not in each controller) so the web form and the JSON API accept
/// the same formats and report the same field errors: "100 000" or "100000,50" for amounts,
/// "09.02.2024" or "2024-02-09" for dates, raw enum values for frequency and sex.
public struct QuoteInput: Sendable, Equatable, Codable {
    public var productCode: String
    public var startDate: String
    /// `PaymentFrequency` raw value ("annual").
    public var frequency: String
    /// Whole years ("5").
    public var term: String
    /// «Взнос»; used when `basis` is "premium" (the default).
    public var premium: String?
    /// Main «Страховая сумма»; used when `basis` is "sumInsured".
    public var sumInsured: String?
    /// "premium" or "sumInsured"; nil means "premium".
    public var basis: String?
    /// "male" / "female".
    public var sex: String
    public var birthDate: String
    public var risks: [String]

    public init(productCode: String, startDate: String, frequency: String, term: String, premium: String? = nil,
                sumInsured: String? = nil, basis: String? = nil, sex: String, birthDate: String, risks: [String]) {
        self.productCode = productCode
        self.startDate = startDate
        self.frequency = frequency
        self.term = term
        self.premium = premium
        self.sumInsured = sumInsured
        self.basis = basis
        self.sex = sex
        self.birthDate = birthDate
        self.risks = risks
    }

    /// Parses into a `QuoteRequest`; amounts are read in `currency` (the product's).
    /// Collects every field error instead of stopping at the first.
    public func parse(currency: CurrencyCode, today: CalendarDate) -> Result<QuoteRequest, QuoteRejection> {
        var errors: [FieldError] = []
        func date(_ text: String, _ field: QuoteField) -> CalendarDate? {
            if text.trimmingSpaces().isEmpty { errors.append(FieldError(field, .pricingRequired)); return nil }
            guard let value = CalendarDate(text) else { errors.append(FieldError(field, .pricingDateInvalid, ["value": text])); return nil }
            return value
        }
        let start = date(startDate, .startDate)
        let birth = date(birthDate, .birthDate)
        let frequencyValue = PaymentFrequency(rawValue: frequency.trimmingSpaces())
        if frequencyValue == nil { errors.append(FieldError(.frequency, .pricingFrequencyUnknown, ["value": frequency])) }
        let termValue = Int(term.trimmingSpaces()).flatMap { (1...100).contains($0) ? $0 : nil }
        if termValue == nil { errors.append(FieldError(.term, .pricingTermInvalid, ["value": term])) }
        let sexValue = Sex(rawValue: sex.trimmingSpaces())
        if sexValue == nil { errors.append(FieldError(.sex, .pricingSexUnknown, ["value": sex])) }
        let basisValue = parseBasis(currency: currency, into: &errors)
        if productCode.trimmingSpaces().isEmpty { errors.append(FieldError(.product, .pricingRequired)) }

        guard errors.isEmpty, let start, let birth, let frequencyValue, let termValue, let sexValue, let basisValue else {
            return .failure(QuoteRejection(errors))
        }
        return .success(QuoteRequest(
            productCode: productCode.trimmingSpaces(), startDate: start, frequency: frequencyValue,
            term: termValue, basis: basisValue, sex: sexValue, birthDate: birth,
            selectedRisks: Set(risks.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }), today: today))
    }

    func parseBasis(currency: CurrencyCode, into errors: inout [FieldError]) -> QuoteRequest.Basis? {
        let field: QuoteField
        switch basis?.trimmingSpaces() ?? "" {
        case "", "premium": field = .premium
        case "sumInsured": field = .sumInsured
        default:
            errors.append(FieldError(.basis, .pricingBasisUnknown, ["value": basis ?? ""]))
            return nil
        }
        let text = (field == .premium ? premium : sumInsured) ?? ""
        switch Money.parse(text, currency: currency) {
        case .success(let money):
            return field == .premium ? .premium(money) : .sumInsured(money)
        case .failure(let error):
            let key = PricingMessageKey(rawValue: error.key) ?? .moneyInvalid
            errors.append(FieldError(field, key == .moneyEmpty ? .pricingRequired : key, ["value": text]))
            return nil
        }
    }
}
