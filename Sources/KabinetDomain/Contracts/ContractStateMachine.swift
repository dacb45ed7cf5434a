import Foundation

/// The status rules of a contract, as one pure function from (state, action, role) to the new state or the
/// reason it is refused. The app loads the state, applies, and stores the result with the transition record.
///
/// The rules, from the seed:
/// - «Проект» → «Подписан» when the client confirms with the SMS code (the system, after the ПЭП flow).
/// - «Подписан / Не оплачен» → «Подписан / Оплачен» when the payment arrives (provider callback, or the back
///   office recording a transfer). Paying does not skip to «Принят СК»: the seed's table has a separate
///   «Подписан / Оплачен ↔ Передано агенту» row before «Принят СК / Оплачен ↔ Договор подписан», so acceptance
///   is its own step, by the back office or the core system, and only for a paid contract.
/// - «Отменен» only from «Проект»: «Сохранили договор, но не успели подтвердить… перевести в статус «Отменен»».
/// - «Ошибочный» only after signing: «Заключили договор, подтвердили… перевести в статус «Ошибочный»». The agent
///   may do it, with a confirmation (agents pressed it by accident); only the back office takes it back, with a
///   reason, to the status it came from — the FAQ's «написать заявку на очередь ssd@» becomes a button there.
/// - «Требуется работы по договору» is set and cleared by the back office (or the core system), with the text
///   shown in «Необходимые работы»; not on a cancelled contract.
public enum ContractStateMachine {
    /// «Необходимые работы» is a short instruction, not a letter.
    public static let maxWorkTextLength = 1000

    /// Who may ever perform each action, whatever the state.
    public static func roles(for action: ContractActionKind) -> Set<ContractRole> {
        switch action {
        case .sign: [.system]
        case .pay: [.system, .backOffice]
        case .accept: [.system, .backOffice]
        case .cancel, .markErroneous: [.seller, .backOffice]
        case .restoreFromErroneous: [.backOffice]
        case .requireWork, .clearRequiredWork: [.backOffice, .system]
        }
    }

    public static func apply(_ action: ContractAction, to state: ContractState,
                             by role: ContractRole) -> Result<ContractState, TransitionRefusal> {
        transition(action, from: state, by: role).map(\.to)
    }

    /// Like `apply`, returning the record to store in the history.
    public static func transition(_ action: ContractAction, from state: ContractState,
                                  by role: ContractRole) -> Result<ContractTransition, TransitionRefusal> {
        if let refusal = refusal(action.kind, state: state, role: role) ?? refusal(details: action) {
            return .failure(refusal)
        }
        var next = state
        switch action {
        case .sign: next.status = .signed
        case .pay: next.payment = .paid
        case .accept: next.status = .accepted
        case .cancel: next.status = .cancelled
        case .markErroneous:
            next.erroneousFrom = state.status
            next.status = .erroneous
        case .restoreFromErroneous:
            next.status = state.erroneousFrom ?? .signed
            next.erroneousFrom = nil
        case .requireWork(let text): next.requiredWork = text.trimmingCharacters(in: .whitespacesAndNewlines)
        case .clearRequiredWork: next.requiredWork = nil
        }
        return .success(ContractTransition(from: state, to: next, action: action, role: role))
    }

    /// The actions `role` may start on a contract in `state` — the buttons the card shows under «Изменить
    /// статус». The details (confirmation, reason, text) are asked for after the click.
    public static func availableActions(for state: ContractState, role: ContractRole) -> [ContractActionKind] {
        ContractActionKind.allCases.filter { refusal($0, state: state, role: role) == nil }
    }

    /// Role first (so an agent reads "not for your role" rather than a status rule they cannot use anyway),
    /// then the status rule.
    static func refusal(_ action: ContractActionKind, state: ContractState, role: ContractRole) -> TransitionRefusal? {
        if !roles(for: action).contains(role) {
            return action == .restoreFromErroneous ? .restoreBackOfficeOnly : .roleNotAllowed(action, role)
        }
        let status = state.status
        switch action {
        case .sign:
            return status == .draft ? nil : .signNotDraft(status)
        case .pay:
            if status == .signed || status == .accepted { return state.payment == .paid ? .payAlreadyPaid : nil }
            return .payNotSigned(status)
        case .accept:
            if status != .signed { return .acceptNotSigned(status) }
            return state.payment == .paid ? nil : .acceptUnpaid
        case .cancel:
            return status == .draft ? nil : .cancelNotDraft(status)
        case .markErroneous:
            if status == .erroneous { return .erroneousAlready }
            return status.isSigned ? nil : .erroneousNotSigned(status)
        case .restoreFromErroneous:
            return status == .erroneous ? nil : .restoreNotErroneous(status)
        case .requireWork:
            return status == .cancelled ? .workClosedContract(status) : nil
        case .clearRequiredWork:
            return state.isWorkRequired ? nil : .workNotRequired
        }
    }

    /// What the action itself must carry.
    static func refusal(details action: ContractAction) -> TransitionRefusal? {
        switch action {
        case .markErroneous(let confirmed):
            return confirmed ? nil : .erroneousNotConfirmed
        case .restoreFromErroneous(let reason):
            return reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? .reasonRequired : nil
        case .requireWork(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return .workTextRequired }
            return trimmed.count > maxWorkTextLength ? .workTextTooLong(max: maxWorkTextLength) : nil
        default:
            return nil
        }
    }
}
