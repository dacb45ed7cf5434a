import Foundation

/// Why a status change was refused, one case per rule, each with its own message key, so the agent reads
/// what to do instead ("cancel only a draft — mark a signed one erroneous") rather than "not allowed".
public enum TransitionRefusal: Error, Sendable, Hashable, Codable {
    /// This role never performs this action.
    case roleNotAllowed(ContractActionKind, ContractRole)
    /// Taking back «Ошибочный» is the back office's (seed FAQ: the agent had to write to ssd@).
    case restoreBackOfficeOnly
    /// Only a «Проект» can be signed.
    case signNotDraft(ContractStatus)
    /// Payment is recorded for a «Подписан» contract only: the client pays after signing, and never for a
    /// cancelled or erroneous one.
    case payNotSigned(ContractStatus)
    /// Already «Оплачен»: a repeated provider callback is a no-op for the caller, not a second payment.
    case payAlreadyPaid
    /// «Принят СК» follows «Подписан».
    case acceptNotSigned(ContractStatus)
    /// The seed's table has «Принят СК» only together with «Оплачен».
    case acceptUnpaid
    /// «Отменен» is for unsigned contracts; a signed one is marked «Ошибочный».
    case cancelNotDraft(ContractStatus)
    /// «Ошибочный» is for signed contracts; an unsigned one is cancelled.
    case erroneousNotSigned(ContractStatus)
    case erroneousAlready
    /// «Перевести в ошибочный» needs the confirmation step.
    case erroneousNotConfirmed
    case restoreNotErroneous(ContractStatus)
    /// Taking back «Ошибочный» needs a reason for the history.
    case reasonRequired
    case workTextRequired
    case workTextTooLong(max: Int)
    /// No work is asked on a cancelled contract.
    case workClosedContract(ContractStatus)
    /// «Работы выполнены» when none were required.
    case workNotRequired

    public var key: ContractMessageKey {
        switch self {
        case .roleNotAllowed: .transitionRoleNotAllowed
        case .restoreBackOfficeOnly: .transitionRestoreBackOfficeOnly
        case .signNotDraft: .transitionSignNotDraft
        case .payNotSigned: .transitionPayNotSigned
        case .payAlreadyPaid: .transitionPayAlreadyPaid
        case .acceptNotSigned: .transitionAcceptNotSigned
        case .acceptUnpaid: .transitionAcceptUnpaid
        case .cancelNotDraft: .transitionCancelNotDraft
        case .erroneousNotSigned: .transitionErroneousNotSigned
        case .erroneousAlready: .transitionErroneousAlready
        case .erroneousNotConfirmed: .transitionErroneousNotConfirmed
        case .restoreNotErroneous: .transitionRestoreNotErroneous
        case .reasonRequired: .transitionReasonRequired
        case .workTextRequired: .transitionWorkTextRequired
        case .workTextTooLong: .transitionWorkTextTooLong
        case .workClosedContract: .transitionWorkClosedContract
        case .workNotRequired: .transitionWorkNotRequired
        }
    }

    /// Named arguments of the message: "status" (a `ContractStatus` raw value), "action", "role", "max".
    public var arguments: [String: String] {
        switch self {
        case .roleNotAllowed(let action, let role): ["action": action.rawValue, "role": role.rawValue]
        case .signNotDraft(let status), .payNotSigned(let status), .acceptNotSigned(let status),
             .cancelNotDraft(let status), .erroneousNotSigned(let status), .restoreNotErroneous(let status),
             .workClosedContract(let status):
            ["status": status.rawValue]
        case .workTextTooLong(let max): ["max": String(max)]
        default: [:]
        }
    }

    /// As a field error on "status" (or "requiredWork" / "reason"), for the card's status form and problem+json.
    public var fieldError: FieldError {
        let field: ContractField = switch self {
        case .workTextRequired, .workTextTooLong: "requiredWork"
        case .reasonRequired: "reason"
        case .erroneousNotConfirmed: "confirmed"
        default: "status"
        }
        return FieldError(field, key, arguments)
    }
}
