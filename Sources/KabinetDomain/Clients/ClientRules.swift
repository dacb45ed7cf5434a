import Foundation

/// The rules of seed 002 «Ограничения и особенности», pure so each is tested on its own:
/// a potential client may be in any number of bases; once a policy is sold in the portal to a client whose phone
/// was confirmed, the client is bound to the selling agent and the others can neither issue policies to nor edit
/// them; only a potential client (no policy sold) can be deleted. The lock is the portal's only.
public enum ClientRules {
    /// What stops an agent from working with a client, shown as the reason.
    public enum Lock: String, Sendable, Equatable {
        /// Bound to another agent after a sale: «оформление полисов и редактирование профиля недоступны».
        case boundToAnotherAgent = "bound"
    }

    /// Why a client cannot be deleted from a base.
    public enum DeletionRefusal: String, Sendable, Equatable {
        /// A policy was sold: the client is no longer potential.
        case policySold = "policy_sold"
    }

    /// Who the client is bound to after a sale: the seller of the first signed contract, but only when the phone
    /// was confirmed («Добавление с подтверждением… после продажи полиса агент привязывает к себе клиента»).
    /// `signedSales`: owners of the client's signed/accepted contracts, oldest first.
    public static func boundAgent(phoneConfirmed: Bool, current: UUID?, signedSales: [UUID]) -> UUID? {
        if let current { return current }
        guard phoneConfirmed else { return nil }
        return signedSales.first
    }

    /// Nil when `agent` may edit the client and issue policies to them.
    public static func lock(boundAgent: UUID?, for agent: UUID) -> Lock? {
        guard let boundAgent, boundAgent != agent else { return nil }
        return .boundToAnotherAgent
    }

    /// Nil when the client may be deleted: only a potential client, one with no policy sold in the portal.
    public static func deletion(hasSoldPolicy: Bool) -> DeletionRefusal? {
        hasSoldPolicy ? .policySold : nil
    }

    /// Whether a person on a contract is this client: two of the three — confirmed phone, full name, birth date —
    /// agree. A parent's phone on a child's contract (one of three) does not make the child the parent.
    public static func samePerson(clientPhone: String?, clientName: String, clientBirth: CalendarDate,
                                  personPhone: String?, personName: String, personBirth: CalendarDate?) -> Bool {
        let phone = clientPhone != nil && clientPhone == personPhone
        let name = !clientName.isEmpty && clientName == personName
        let birth = personBirth == clientBirth
        return [phone, name, birth].filter { $0 }.count >= 2
    }

    /// «Отчество» tells the sex in most Russian names: the calculator is opened with it when it is clear.
    public static func sex(fromMiddleName middleName: String) -> Sex? {
        let name = middleName.lowercased().trimmingCharacters(in: .whitespaces)
        if name.hasSuffix("вич") || name.hasSuffix("ьич") || name.hasSuffix("ич") || name.hasSuffix("оглы") { return .male }
        if name.hasSuffix("вна") || name.hasSuffix("чна") || name.hasSuffix("шна") || name.hasSuffix("кызы") { return .female }
        return nil
    }
}
