import Foundation

/// The calculation result («Результат расчета (котировка)»): per risk sum insured and premium,
/// totals, and the tariff version it was priced with. Always complete — the engine never
/// returns a partial quote.
public struct Quote: Sendable, Equatable, Codable {
    public struct Line: Sendable, Equatable, Codable {
        public var riskCode: String
        /// «Страховой риск» wording from the tariff.
        public var riskName: String
        public var mandatory: Bool
        /// «Страховая сумма».
        public var sumInsured: Money
        /// «Страховой взнос» per payment.
        public var premium: Money

        public init(riskCode: String, riskName: String, mandatory: Bool, sumInsured: Money, premium: Money) {
            self.riskCode = riskCode
            self.riskName = riskName
            self.mandatory = mandatory
            self.sumInsured = sumInsured
            self.premium = premium
        }
    }

    public var productCode: String
    public var productName: String
    /// Tariff version; a contract made from this quote keeps it.
    public var productVersion: String
    public var currency: CurrencyCode
    public var startDate: CalendarDate
    /// Last day of cover: start + term years − 1 day (21.10.2022 – 20.10.2027 in the seed).
    public var endDate: CalendarDate
    public var frequency: PaymentFrequency
    public var term: Int
    public var sex: Sex
    public var birthDate: CalendarDate
    public var ageAtStart: Int
    /// Age at start + term, the value checked against the product's limit.
    public var ageAtEnd: Int
    /// Which amount was the input; it is reproduced exactly in the quote.
    public var calculatedFrom: QuoteField
    /// Priced risks in the product's order.
    public var lines: [Line]
    /// «Разовый взнос (Ежегодно)»: the payment per period = sum of the line premiums.
    public var totalPerPayment: Money
    /// «Итого взнос за год»: payment × payments per year (a single premium once).
    public var totalPerYear: Money
    /// Number of payments over the term.
    public var paymentCount: Int
    /// «Страховая сумма» of the contract card: the main risk's sum insured.
    public var mainSumInsured: Money

    public func line(_ riskCode: String) -> Line? { lines.first { $0.riskCode == riskCode } }
}
