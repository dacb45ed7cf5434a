import Foundation

/// What the agent fills in on «Расчет по продукту», already parsed into types
/// (`QuoteInput.parse` turns raw form strings into this).
public struct QuoteRequest: Sendable, Equatable, Codable {
    /// Which amount the agent typed: «Взнос» per payment, or the main «Страховая сумма».
    public enum Basis: Sendable, Equatable, Codable {
        case premium(Money)
        case sumInsured(Money)

        public var amount: Money {
            switch self {
            case .premium(let money), .sumInsured(let money): money
            }
        }

        /// The form field the amount came from, where errors about it are shown.
        public var field: QuoteField {
            switch self {
            case .premium: .premium
            case .sumInsured: .sumInsured
            }
        }
    }

    public var productCode: String
    public var startDate: CalendarDate
    public var frequency: PaymentFrequency
    /// «Продолжительность договора» in whole years.
    public var term: Int
    public var basis: Basis
    public var sex: Sex
    public var birthDate: CalendarDate
    /// Codes of all risks to price: every mandatory risk (the form shows them checked and locked
    /// and must still send them) plus the optional ones the client keeps. A missing mandatory risk
    /// is an error, never silently added, so an API client cannot believe it priced without it.
    public var selectedRisks: Set<String>
    /// The office's current date, for the start-date window (passed in, so tests and re-pricing
    /// are reproducible).
    public var today: CalendarDate

    public init(
        productCode: String, startDate: CalendarDate, frequency: PaymentFrequency, term: Int,
        basis: Basis, sex: Sex, birthDate: CalendarDate, selectedRisks: Set<String>, today: CalendarDate
    ) {
        self.productCode = productCode
        self.startDate = startDate
        self.frequency = frequency
        self.term = term
        self.basis = basis
        self.sex = sex
        self.birthDate = birthDate
        self.selectedRisks = selectedRisks
        self.today = today
    }
}
