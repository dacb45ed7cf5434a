import Foundation
import KabinetDomain
import Vapor

/// «Расчет по продукту» as posted: every field a string exactly as typed, so the page can show it back unchanged
/// after an error. Ticked risks arrive as `risks[]=code`; a locked mandatory risk is posted by a hidden input,
/// because browsers do not post disabled checkboxes.
struct CalculatorForm: Content {
    var startDate: String?
    var frequency: String?
    var term: String?
    /// "premium" (default) or "sumInsured": which amount the calculation starts from.
    var basis: String?
    var premium: String?
    var sumInsured: String?
    var agreement: String?
    var sex: String?
    var birthDate: String?
    var lastName: String?
    var firstName: String?
    var middleName: String?
    /// «Является Страхователем»: present ("1") when ticked.
    var isPolicyholder: String?
    var risks: [String]?

    /// The empty form: the earliest allowed start, the first frequency and term, every risk ticked (as the seed
    /// shows it), the insured as the policyholder.
    static func defaults(for product: ProductDefinition, today: CalendarDate) -> CalculatorForm {
        CalculatorForm(
            startDate: product.startDate.earliest(today: today).russian,
            frequency: product.frequencies.first?.rawValue, term: product.terms.first.map(String.init),
            basis: "premium", isPolicyholder: "1", risks: product.risks.map(\.code))
    }

    /// A form filled from a stored quote, to price it again with today's tariff.
    init(input: QuoteInput, quote: SavedQuote, agreementNumber: String?) {
        self.init(
            startDate: input.startDate, frequency: input.frequency, term: input.term, basis: input.basis,
            premium: input.premium, sumInsured: input.sumInsured, agreement: agreementNumber, sex: input.sex,
            birthDate: input.birthDate, lastName: quote.insuredLastName, firstName: quote.insuredFirstName,
            middleName: quote.insuredMiddleName, isPolicyholder: quote.isPolicyholder ? "1" : nil, risks: input.risks)
    }

    init(startDate: String? = nil, frequency: String? = nil, term: String? = nil, basis: String? = nil,
        premium: String? = nil, sumInsured: String? = nil, agreement: String? = nil, sex: String? = nil,
        birthDate: String? = nil, lastName: String? = nil, firstName: String? = nil, middleName: String? = nil,
        isPolicyholder: String? = nil, risks: [String]? = nil)
    {
        self.startDate = startDate
        self.frequency = frequency
        self.term = term
        self.basis = basis
        self.premium = premium
        self.sumInsured = sumInsured
        self.agreement = agreement
        self.sex = sex
        self.birthDate = birthDate
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.isPolicyholder = isPolicyholder
        self.risks = risks
    }

    var basisIsSum: Bool { basis == "sumInsured" }

    func input(productCode: String) -> QuoteInput {
        QuoteInput(
            productCode: productCode, startDate: startDate ?? "", frequency: frequency ?? "", term: term ?? "",
            premium: basisIsSum ? nil : premium, sumInsured: basisIsSum ? sumInsured : nil,
            basis: basisIsSum ? "sumInsured" : "premium", sex: sex ?? "", birthDate: birthDate ?? "",
            risks: Array(Set(risks ?? [])).sorted())
    }

    func draft(productCode: String) -> QuoteDraft {
        QuoteDraft(
            input: input(productCode: productCode), agreementNumber: agreement, lastName: lastName,
            firstName: firstName, middleName: middleName, isPolicyholder: isPolicyholder != nil)
    }
}
