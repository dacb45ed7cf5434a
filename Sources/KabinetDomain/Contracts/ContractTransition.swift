import Foundation

/// Who asks for a status change. The same button means different things in different hands: an agent may
/// mark a contract erroneous but not take the mark back; only the back office may.
public enum ContractRole: String, CaseIterable, Sendable, Codable {
    /// The agent or partner user who issued the contract (and their partner admin).
    case seller
    /// The insurer's staff: operator, team lead, head, administrator.
    case backOffice
    /// The portal acting on a fact from outside: the client's SMS code confirmed the signature, the payment
    /// provider's callback reported the money, the core system accepted the contract.
    case system
}

/// What can be asked of a contract, without its details — for buttons, permissions and audit filters.
public enum ContractActionKind: String, CaseIterable, Sendable, Codable {
    case sign
    case pay
    case accept
    case cancel
    case markErroneous
    case restoreFromErroneous
    case requireWork
    case clearRequiredWork

    /// Localisation key of the action's name, "contract.action.cancel".
    public var messageKey: String { "contract.action.\(rawValue)" }

    public var russianName: String {
        switch self {
        case .sign: "Подписать"
        case .pay: "Отметить оплату"
        case .accept: "Принять СК"
        case .cancel: "Отменить"
        case .markErroneous: "Перевести в ошибочный"
        case .restoreFromErroneous: "Снять признак «Ошибочный»"
        case .requireWork: "Требуются работы по договору"
        case .clearRequiredWork: "Работы выполнены"
        }
    }

    public var englishName: String {
        switch self {
        case .sign: "Sign"
        case .pay: "Record payment"
        case .accept: "Accept by the insurer"
        case .cancel: "Cancel"
        case .markErroneous: "Mark as erroneous"
        case .restoreFromErroneous: "Take back the erroneous mark"
        case .requireWork: "Work required"
        case .clearRequiredWork: "Work done"
        }
    }
}

/// A status change asked for, with what it needs: a confirmation for «Перевести в ошибочный» (the seed's
/// FAQ has agents pressing it by accident), a reason to take that mark back, the text of required work.
public enum ContractAction: Sendable, Hashable, Codable {
    case sign
    case pay
    case accept
    /// «Отменен»; the reason is optional and goes to the audit trail.
    case cancel(reason: String?)
    /// `confirmed` is true only after the "are you sure?" step.
    case markErroneous(confirmed: Bool)
    /// Back office only; the reason is required.
    case restoreFromErroneous(reason: String)
    case requireWork(text: String)
    case clearRequiredWork

    public var kind: ContractActionKind {
        switch self {
        case .sign: .sign
        case .pay: .pay
        case .accept: .accept
        case .cancel: .cancel
        case .markErroneous: .markErroneous
        case .restoreFromErroneous: .restoreFromErroneous
        case .requireWork: .requireWork
        case .clearRequiredWork: .clearRequiredWork
        }
    }

    /// The free text given with the action, for the audit trail and the contract's history.
    public var reason: String? {
        switch self {
        case .cancel(let reason): reason
        case .restoreFromErroneous(let reason): reason
        case .requireWork(let text): text
        default: nil
        }
    }
}

/// A status change that happened: the record the app writes to the contract's history and the audit trail.
public struct ContractTransition: Sendable, Hashable, Codable {
    public var from: ContractState
    public var to: ContractState
    public var action: ContractAction
    public var role: ContractRole

    public init(from: ContractState, to: ContractState, action: ContractAction, role: ContractRole) {
        self.from = from
        self.to = to
        self.action = action
        self.role = role
    }

    /// The reason or text given with the action, trimmed; nil when none.
    public var reason: String? {
        let text = action.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? nil : text
    }
}
