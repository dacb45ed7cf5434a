import Foundation

/// «Периодичность оплаты»: how often the policyholder pays the premium.
public enum PaymentFrequency: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Hashable {
    case single
    case annual
    case semiAnnual
    case quarterly
    case monthly

    /// Payments in one year; a single premium counts as one payment.
    public var paymentsPerYear: Int {
        switch self {
        case .single, .annual: 1
        case .semiAnnual: 2
        case .quarterly: 4
        case .monthly: 12
        }
    }

    /// Number of payments over a contract of `term` years.
    public func paymentCount(term: Int) -> Int {
        self == .single ? 1 : term * paymentsPerYear
    }

    /// Label used by the seed's calculation form («Ежегодно»).
    public var russianName: String {
        switch self {
        case .single: "Единовременно"
        case .annual: "Ежегодно"
        case .semiAnnual: "Раз в полгода"
        case .quarterly: "Ежеквартально"
        case .monthly: "Ежемесячно"
        }
    }

    public var englishName: String {
        switch self {
        case .single: "Single payment"
        case .annual: "Annually"
        case .semiAnnual: "Semi-annually"
        case .quarterly: "Quarterly"
        case .monthly: "Monthly"
        }
    }
}

/// Sex of the insured person; accident and mortality rates differ by it.
public enum Sex: String, CaseIterable, Codable, Sendable, Hashable {
    case male
    case female

    public var russianName: String { self == .male ? "Мужской" : "Женский" }
    public var englishName: String { self == .male ? "Male" : "Female" }
}

/// What a product mainly is; drives the catalog grouping and which rule kinds make sense.
public enum ProductKind: String, CaseIterable, Codable, Sendable, Hashable {
    /// Savings / endowment: a survival benefit built from the contributions plus riders.
    case savings
    /// Accident only: death, disability, injuries from an accident.
    case accident
    /// Pure risk: death by any cause, critical illness, without savings.
    case risk

    public var russianName: String {
        switch self {
        case .savings: "Накопительное страхование"
        case .accident: "Страхование от несчастных случаев"
        case .risk: "Рисковое страхование жизни"
        }
    }

    public var englishName: String {
        switch self {
        case .savings: "Savings life insurance"
        case .accident: "Accident insurance"
        case .risk: "Term life insurance"
        }
    }
}
