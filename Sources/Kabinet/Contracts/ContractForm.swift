import Foundation
import KabinetDomain
import Vapor

/// «Заполнение личных данных клиента» as posted. Every value is text exactly as typed, so the page can show it
/// back next to its message. Input names mirror the domain's error paths: `insured[0][documents][passport][series]`
/// is the field of "insured[0].documents.passport.series", so a message lands next to its input without a table.
///
/// Repeated blocks arrive as dictionaries keyed by their position ("0", "1", …) and are read in numeric order, so
/// a gap left by a removed block does not break decoding.
struct ContractForm: Content {
    /// The saved quote a new contract continues from.
    var quote: String?
    var insured: [String: PersonForm]?
    var policyholder: PersonForm?
    var beneficiaries: [String: BeneficiaryForm]?
    /// Which button was pressed: "save", "back", "add-insured", "remove-insured-1", "add-beneficiary", …
    var _action: String?

    var insuredList: [PersonForm] { Self.ordered(insured) }
    var beneficiaryList: [BeneficiaryForm] { Self.ordered(beneficiaries) }

    static func ordered<Value>(_ items: [String: Value]?) -> [Value] {
        (items ?? [:]).compactMap { key, value in Int(key).map { ($0, value) } }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    static func keyed<Value>(_ items: [Value]) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: items.enumerated().map { (String($0.offset), $0.element) })
    }

    mutating func setInsured(_ list: [PersonForm]) { insured = Self.keyed(list) }
    mutating func setBeneficiaries(_ list: [BeneficiaryForm]) { beneficiaries = Self.keyed(list) }
}

/// One person: an insured, or the policyholder when `source` is "person".
struct PersonForm: Codable, Sendable {
    var lastName: String?
    var firstName: String?
    var middleName: String?
    var sex: String?
    var birthDate: String?
    var birthPlace: String?
    var citizenship: String?
    /// «ПДЛ»: "yes" / "no".
    var isPEP: String?
    var documents: DocumentsForm?
    var taxResidency: TaxForm?
    var contacts: ContactsForm?
    var addresses: AddressesForm?
    /// Policyholder only: "insured" (one of the insured, by `insuredIndex`) or "person" (this person's data).
    var source: String?
    var insuredIndex: String?

    /// A new person as the form first shows it: a Russian citizen, not a ПДЛ, no foreign tax residency.
    static var blank: PersonForm {
        PersonForm(citizenship: Country.russiaCode, isPEP: "no",
                   taxResidency: TaxForm(isUSTaxpayer: "no", isOtherForeignTaxpayer: "no"),
                   addresses: AddressesForm(registration: AddressForm(country: Country.russiaCode),
                                            actual: AddressForm(country: Country.russiaCode)))
    }
}

struct DocumentsForm: Codable, Sendable {
    var passport: PassportForm?
    var foreignPassport: ForeignPassportForm?
    var stayDocument: StayDocumentForm?
}

struct PassportForm: Codable, Sendable {
    var series: String?
    var number: String?
    var issueDate: String?
    var divisionCode: String?
    var issuedBy: String?
}

struct ForeignPassportForm: Codable, Sendable {
    var country: String?
    var number: String?
    var issueDate: String?
    var divisionCode: String?
    var issuedBy: String?
}

struct StayDocumentForm: Codable, Sendable {
    /// `StayDocumentKind` raw value.
    var kind: String?
    var series: String?
    var number: String?
    var issueDate: String?
    var validFrom: String?
    var validUntil: String?
}

struct TaxForm: Codable, Sendable {
    var isUSTaxpayer: String?
    var usTIN: TINForm?
    var isOtherForeignTaxpayer: String?
    var otherTIN: TINForm?
}

struct TINForm: Codable, Sendable {
    var country: String?
    var number: String?
}

struct ContactsForm: Codable, Sendable {
    var mobile: String?
    var email: String?
    var homePhone: String?
    var workPhone: String?
}

struct AddressesForm: Codable, Sendable {
    var registration: AddressForm?
    /// "1" when «Фактический адрес совпадает с адресом регистрации» is ticked.
    var actualSameAsRegistration: String?
    var actual: AddressForm?
}

struct AddressForm: Codable, Sendable {
    var country: String?
    var line: String?
    var postalCode: String?
}

struct BeneficiaryForm: Codable, Sendable {
    var lastName: String?
    var firstName: String?
    var middleName: String?
    var birthDate: String?
    var share: String?
}
