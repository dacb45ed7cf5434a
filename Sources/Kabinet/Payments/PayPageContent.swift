import Foundation
import KabinetDomain
import Vapor

/// What the pay page shows (seed 000 «Переход к оплате договора»): the contract's number, amount and currency,
/// and — depending on the contract — the payment buttons, the СБП QR code, «Договор оплачен» or why it cannot
/// be paid yet.
struct PayPageContent: Encodable {
    enum State: String, Encodable {
        /// «Подписан», not paid: the buttons.
        case payable
        case paid
        /// Still «Проект»: the client has not signed with the SMS code yet.
        case notSigned = "not_signed"
        /// «Отменен» or «Ошибочный»: nothing to pay.
        case closed
    }

    struct SBP: Encodable {
        /// Inline SVG made by the portal from the provider's link.
        var svg: String
        /// The link itself, for a phone (tapping it opens the bank app).
        var link: String
    }

    var state: State
    var number: String
    var amount: String
    var currency: String
    var paidAt: String?
    var paidAmount: String?
    /// The link's token: the page's forms post back to it (nothing of the visit is kept in cookies).
    var token: String
    var sbp: SBP?
    var error: String?

    init(contract: Contract, token: String, on req: Request) {
        let premium = contract.premium
        state = Self.state(of: contract)
        number = contract.number ?? "—"
        amount = premium.map { Self.amountOnly($0, english: req.locale == "en") } ?? String(contract.premiumMinor)
        currency = contract.currency
        paidAt = contract.paidAt.map { MoscowTime.date($0) }
        paidAmount = contract.paidAmount.map { req.formatted($0) }
        self.token = token
    }

    /// «Сумма» without the symbol: «Валюта» is its own column, as on the seed's page.
    static func amountOnly(_ money: Money, english: Bool) -> String {
        english ? money.formatted(.english).replacingOccurrences(of: money.currency.symbol, with: "") : money.formattedAmount
    }

    static func state(of contract: Contract) -> State {
        let state = contract.state
        if state.payment == .paid { return .paid }
        switch state.status {
        case .draft: return .notSigned
        case .signed, .accepted: return .payable
        case .cancelled, .erroneous: return .closed
        }
    }
}

enum PaymentQR {
    /// The QR code of an СБП link as inline SVG; nil if the link cannot be encoded (never for a real link).
    static func svg(_ link: String, label: String) -> String? {
        guard let code = try? QRCode(encoding: link, correction: .medium) else { return nil }
        return code.svg(moduleSize: 5, quietZone: 4, ariaLabel: label)
    }
}
