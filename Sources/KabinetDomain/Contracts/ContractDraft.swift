import Foundation

/// Who the policyholder («Страхователь») is: one of the insured, chosen by index («Выбрать страхователя из
/// текущих застрахованных»), or a separate person whose data are then required in full («Если Страхователь и
/// Застрахованный разные лица – заполнению подлежат данные и по Застрахованному и по Страхователю»).
///
/// In JSON a separate person is the person's own object and a chosen insured is `{"insuredIndex": 0}`, so
/// error paths read "policyholder.contacts.mobile" and "policyholder.insuredIndex".
public enum Policyholder: Sendable, Hashable, Codable {
    case insured(index: Int)
    case person(ContractPerson)

    private enum CodingKeys: String, CodingKey { case insuredIndex }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let index = try container.decodeIfPresent(Int.self, forKey: .insuredIndex) {
            self = .insured(index: index)
        } else {
            self = .person(try ContractPerson(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .insured(let index):
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(index, forKey: .insuredIndex)
        case .person(let person):
            try person.encode(to: encoder)
        }
    }
}

/// «Выгодоприобретатель»: who receives the benefit, and their share of it in percent.
public struct Beneficiary: Sendable, Hashable, Codable {
    public var lastName: String
    public var firstName: String
    public var middleName: String?
    public var birthDate: CalendarDate?
    /// Percent with up to two decimals, e.g. 33.34; the shares of all beneficiaries add up to exactly 100.
    public var share: Decimal?

    public init(lastName: String = "", firstName: String = "", middleName: String? = nil,
                birthDate: CalendarDate? = nil, share: Decimal? = nil) {
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.birthDate = birthDate
        self.share = share
    }
}

/// The people of a contract being filled in («Проект»): the insured, the policyholder, the beneficiaries.
///
/// Product, dates and money come from the quote and live elsewhere; this is what the «Заполнение личных данных
/// клиента» screen adds. `ContractDraftValidator` says whether it may be saved and sent for signing.
public struct ContractDraft: Sendable, Hashable, Codable {
    /// «Застрахованные»: one or several.
    public var insured: [ContractPerson]
    public var policyholder: Policyholder
    /// «Выгодоприобретатели»: optional; when none, the benefit goes to the insured or their heirs by law.
    public var beneficiaries: [Beneficiary]

    public init(insured: [ContractPerson], policyholder: Policyholder = .insured(index: 0),
                beneficiaries: [Beneficiary] = []) {
        self.insured = insured
        self.policyholder = policyholder
        self.beneficiaries = beneficiaries
    }

    /// The policyholder's data, wherever they were entered; nil for an index that points nowhere.
    public var policyholderPerson: ContractPerson? {
        switch policyholder {
        case .insured(let index): insured.indices.contains(index) ? insured[index] : nil
        case .person(let person): person
        }
    }
}
