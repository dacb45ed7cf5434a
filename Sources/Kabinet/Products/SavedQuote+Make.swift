import Fluent
import Foundation
import KabinetDomain

extension SavedQuote {
    /// A new record from a complete quote; `agency` is the agreement's, so a back-office user pricing for an
    /// agency files the quote under that agency.
    convenience init(quote: Quote, input: QuoteInput, names: InsuredNames, isPolicyholder: Bool, owner: Actor,
        agreement: AgencyAgreement) throws
    {
        self.init()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        ownerID = owner.userID
        agencyID = agreement.$agency.id
        agreementID = try agreement.requireID()
        productCode = quote.productCode
        productVersion = quote.productVersion
        self.input = String(decoding: try encoder.encode(input), as: UTF8.self)
        result = String(decoding: try encoder.encode(quote), as: UTF8.self)
        totalPerPaymentMinor = quote.totalPerPayment.minorUnits
        currency = quote.currency.rawValue
        insuredLastName = names.lastName
        insuredFirstName = names.firstName
        insuredMiddleName = names.middleName
        self.isPolicyholder = isPolicyholder
    }

    /// What the audit trail keeps of a saved quote.
    struct Snapshot: Encodable, Sendable {
        var product: String
        var version: String
        var insured: String
        var isPolicyholder: Bool
        var totalPerPayment: String
        var agreementID: UUID?

        init(_ quote: SavedQuote) {
            product = quote.productCode
            version = quote.productVersion
            insured = quote.insuredFullName
            isPolicyholder = quote.isPolicyholder
            totalPerPayment = quote.totalPerPayment?.description ?? "\(quote.totalPerPaymentMinor) \(quote.currency)"
            agreementID = quote.agreementID
        }
    }
}

/// Filters of the saved quotes list: product and the insured's surname.
struct QuoteListFilter: Codable, Sendable {
    var product: String?
    /// The beginning of the insured's surname, any case.
    var name: String?
    var page: Int?

    init(product: String? = nil, name: String? = nil, page: Int? = nil) {
        self.product = product
        self.name = name
        self.page = page
    }

    /// Surnames are stored as typed, capitalised; "иванов" finds «Иванов». LIKE wildcards typed by a person are
    /// dropped (SQLite and PostgreSQL disagree on case folding of Cyrillic, so the search does not rely on it).
    var surnamePrefix: String? {
        let text = (name ?? "").filter { $0 != "%" && $0 != "_" }.trimmingCharacters(in: .whitespaces)
        guard let first = text.first else { return nil }
        return first.uppercased() + text.dropFirst().lowercased()
    }

    func apply(to query: QueryBuilder<SavedQuote>) {
        if let product = product?.trimmingCharacters(in: .whitespaces), !product.isEmpty {
            query.filter(\.$productCode == product)
        }
        if let prefix = surnamePrefix {
            query.filter(\.$insuredLastName, .custom("LIKE"), prefix + "%")
        }
    }
}
