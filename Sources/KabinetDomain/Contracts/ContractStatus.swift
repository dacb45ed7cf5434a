import Foundation

/// «Статус договора» — where a contract is in its life.
///
/// The main line is «Проект» → «Подписан» → «Принят СК». Two exits: «Отменен» for a contract the client
/// abandoned before signing, «Ошибочный» for one signed with a mistake. Raw values are stable storage and
/// API values; the names are the seed's words.
public enum ContractStatus: String, CaseIterable, Sendable, Codable {
    /// «Проект»: saved, being filled in or sent for signing; editable.
    case draft
    /// «Подписан»: the client confirmed it with the SMS code (simple electronic signature).
    case signed
    /// «Принят СК»: the insurer accepted the paid contract.
    case accepted
    /// «Отменен»: not signed, and the client changed their mind (seed FAQ).
    case cancelled
    /// «Ошибочный»: signed, but wrong; a new contract is issued instead (seed FAQ).
    case erroneous

    public var russianName: String {
        switch self {
        case .draft: "Проект"
        case .signed: "Подписан"
        case .accepted: "Принят СК"
        case .cancelled: "Отменен"
        case .erroneous: "Ошибочный"
        }
    }

    public var englishName: String {
        switch self {
        case .draft: "Draft"
        case .signed: "Signed"
        case .accepted: "Accepted by the insurer"
        case .cancelled: "Cancelled"
        case .erroneous: "Erroneous"
        }
    }

    /// Localisation key of the name, "contract.status.signed".
    public var messageKey: String { "contract.status.\(rawValue)" }

    /// Signed at some point: the client's signature exists, so the contract can only be marked erroneous,
    /// never cancelled or edited.
    public var isSigned: Bool { self == .signed || self == .accepted }
}

/// «Статус оплаты».
public enum PaymentStatus: String, CaseIterable, Sendable, Codable {
    /// «Не оплачен».
    case unpaid
    /// «Оплачен».
    case paid

    public var russianName: String { self == .paid ? "Оплачен" : "Не оплачен" }
    public var englishName: String { self == .paid ? "Paid" : "Unpaid" }
    /// Localisation key of the name, "contract.payment.paid".
    public var messageKey: String { "contract.payment.\(rawValue)" }
}

/// Everything about a contract's status that the rules look at: the two statuses of the seed's list
/// («Статус договора», «Статус оплаты»), where an erroneous contract came from, and «Требуется работы по
/// договору» with the work text shown in the list's «Необходимые работы» column.
public struct ContractState: Sendable, Hashable, Codable {
    public var status: ContractStatus
    public var payment: PaymentStatus
    /// The status before «Ошибочный», so the back office can take the mark back to exactly that status.
    /// Set if and only if `status == .erroneous`.
    public var erroneousFrom: ContractStatus?
    /// «Необходимые работы»: what the agent must do; nil when no work is required.
    public var requiredWork: String?

    public init(status: ContractStatus = .draft, payment: PaymentStatus = .unpaid, erroneousFrom: ContractStatus? = nil,
                requiredWork: String? = nil) {
        self.status = status
        self.payment = payment
        self.erroneousFrom = erroneousFrom
        self.requiredWork = requiredWork
    }

    /// A new contract: «Проект», «Не оплачен».
    public static let new = ContractState()

    /// «Требуется работы по договору» — the list's filter and column.
    public var isWorkRequired: Bool { requiredWork != nil }

    /// The list's «Ошибочный» filter.
    public var isErroneous: Bool { status == .erroneous }

    /// Only a «Проект» may be edited («Редактировать»); after signing, personal data change through an
    /// application (seed FAQ: «Следует оформить заявление на изменение персональных данных»).
    public var isEditable: Bool { status == .draft }
}
