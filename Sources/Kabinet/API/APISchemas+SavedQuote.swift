import Fluent
import Foundation
import KabinetDomain

extension Components.Schemas.SavedQuote {
    /// A saved quote with the result exactly as it was priced (not re-priced with today's tariff).
    init(_ saved: SavedQuote, agreementNumber: String?) throws {
        self.init(
            id: try saved.requireID().uuidString, createdAt: saved.createdAt ?? Date(), agreementNumber: agreementNumber,
            insured: .init(
                lastName: saved.insuredLastName, firstName: saved.insuredFirstName, middleName: saved.insuredMiddleName,
                isPolicyholder: saved.isPolicyholder),
            quote: try .init(saved.decodedQuote()))
    }

    static func make(_ saved: SavedQuote, on db: any Database) async throws -> Self {
        let numbers = try await APIAgreementNumbers.of([saved], on: db)
        return try .init(saved, agreementNumber: saved.agreementID.flatMap { numbers[$0] })
    }
}

extension Components.Schemas.SavedQuoteSummary {
    init(_ saved: SavedQuote, agreementNumber: String?) throws {
        let quote = try saved.decodedQuote()
        self.init(
            id: try saved.requireID().uuidString, createdAt: saved.createdAt ?? Date(), agreementNumber: agreementNumber,
            insuredName: saved.insuredFullName, productCode: quote.productCode, productName: quote.productName,
            productVersion: quote.productVersion, totalPerPayment: try .init(quote.totalPerPayment),
            totalPerYear: try .init(quote.totalPerYear))
    }
}

/// «Номер АД» of saved quotes, read in one query for a whole page.
enum APIAgreementNumbers {
    static func of(_ quotes: [SavedQuote], on db: any Database) async throws -> [UUID: String] {
        let ids = Set(quotes.compactMap(\.agreementID))
        guard !ids.isEmpty else { return [:] }
        let agreements = try await AgencyAgreement.query(on: db).filter(\.$id ~~ ids).all()
        return Dictionary(agreements.compactMap { agreement in agreement.id.map { ($0, agreement.number) } }) { first, _ in first }
    }
}
