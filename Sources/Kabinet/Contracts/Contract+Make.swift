import Foundation
import KabinetDomain

extension Contract {
    /// A new «Проект / Не оплачен» from a saved quote: product, money and dates exactly as priced, the agreement
    /// and agency of the quote, the issuing user's office, the agency's sales channel.
    convenience init(quote saved: SavedQuote, priced quote: Quote, owner: Actor, channelID: UUID?, issuedAt: Date) throws {
        self.init()
        quoteID = try saved.requireID()
        ownerID = owner.userID
        agencyID = saved.agencyID
        officeID = owner.officeID
        self.channelID = channelID
        agreementID = saved.agreementID
        productCode = quote.productCode
        productName = quote.productName
        productVersion = quote.productVersion
        state = .new
        premiumMinor = quote.totalPerPayment.minorUnits
        currency = quote.currency.rawValue
        frequency = quote.frequency.rawValue
        sumInsuredMinor = quote.mainSumInsured.minorUnits
        startDate = quote.startDate.noonUTC
        endDate = quote.endDate.noonUTC
        self.issuedAt = issuedAt
    }

    /// Copies the people into the row: the JSON and the columns the list reads without decoding it.
    func apply(_ draft: ContractDraft, quoteInput: QuoteInput?) throws {
        let stored = draft.normalizedForStorage
        data = try ContractData(draft: stored, quoteInput: quoteInput).json()
        policyholderName = stored.policyholderName
        policyholderSearch = SearchText.normalize(stored.policyholderName)
        insuredCount = stored.insured.count
    }

    /// «Период страхования» as calendar days.
    var startDay: CalendarDate { CalendarDate(startDate, timeZone: .gmt) }
    var endDay: CalendarDate { CalendarDate(endDate, timeZone: .gmt) }

    /// What the audit trail keeps of a contract: no documents or contacts, only what identifies it.
    struct Snapshot: Encodable, Sendable {
        var number: String?
        var product: String
        var status: String
        var payment: String
        var workRequired: Bool
        var workText: String?
        var policyholder: String
        var insuredCount: Int

        init(_ contract: Contract) {
            number = contract.number
            product = contract.productCode
            status = contract.status
            payment = contract.paymentStatus
            workRequired = contract.workRequired
            workText = contract.workText
            policyholder = contract.policyholderName
            insuredCount = contract.insuredCount
        }
    }
}

extension CalendarDate {
    /// The day as stored in a datetime column: noon UTC, which reads as the same day in every zone (`CalendarDay`).
    var noonUTC: Date { CalendarDay.parse(iso) ?? Date(timeIntervalSince1970: 0) }
}
