import Foundation

/// The contract's status in the insurer's core system (ОС «Борлас»), from the seed's last table
/// «Соответствие статусов ДС в В2В и данным ОС Борлас»:
///
/// | B2B (status / payment)   | ОС Борлас                |
/// |--------------------------|--------------------------|
/// | Проект / Не оплачен      | Ожидает подтверждения    |
/// | Подписан / Не оплачен    | Ожидает оплату           |
/// | Подписан / Оплачен       | Передано агенту          |
/// | Принят СК / Оплачен      | Договор подписан         |
///
/// The table has no row for «Отменен» or «Ошибочный», nor for combinations the status rules never produce
/// («Проект / Оплачен», «Принят СК / Не оплачен»): for those the mapping is nil — the contract is not part
/// of the exchange, and the integration must not invent a core-system status for it.
public enum BackOfficeStatus: String, CaseIterable, Sendable, Codable {
    /// «Ожидает подтверждения».
    case awaitingConfirmation
    /// «Ожидает оплату».
    case awaitingPayment
    /// «Передано агенту».
    case handedToAgent
    /// «Договор подписан».
    case contractSigned

    /// The core-system status of a portal state; nil outside the seed's table.
    public init?(status: ContractStatus, payment: PaymentStatus) {
        switch (status, payment) {
        case (.draft, .unpaid): self = .awaitingConfirmation
        case (.signed, .unpaid): self = .awaitingPayment
        case (.signed, .paid): self = .handedToAgent
        case (.accepted, .paid): self = .contractSigned
        default: return nil
        }
    }

    /// The core-system status of a contract's state; nil for cancelled and erroneous contracts.
    public init?(_ state: ContractState) {
        self.init(status: state.status, payment: state.payment)
    }

    /// The portal's pair for a status received from the core system (the reverse of the table).
    public var portalStatus: (status: ContractStatus, payment: PaymentStatus) {
        switch self {
        case .awaitingConfirmation: (.draft, .unpaid)
        case .awaitingPayment: (.signed, .unpaid)
        case .handedToAgent: (.signed, .paid)
        case .contractSigned: (.accepted, .paid)
        }
    }

    /// The seed's wording.
    public var russianName: String {
        switch self {
        case .awaitingConfirmation: "Ожидает подтверждения"
        case .awaitingPayment: "Ожидает оплату"
        case .handedToAgent: "Передано агенту"
        case .contractSigned: "Договор подписан"
        }
    }

    public var englishName: String {
        switch self {
        case .awaitingConfirmation: "Awaiting confirmation"
        case .awaitingPayment: "Awaiting payment"
        case .handedToAgent: "Handed over to the agent"
        case .contractSigned: "Contract signed"
        }
    }

    /// Localisation key of the name, "contract.back_office_status.awaitingPayment".
    public var messageKey: String { "contract.back_office_status.\(rawValue)" }
}
