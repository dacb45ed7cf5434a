/// «Статус заявления»: Новое → В работе → Выполнено / Отклонено. Raw values are stored and used as localisation
/// keys («applications.status.in_progress»), so they never change once landed.
public enum ApplicationStatus: String, CaseIterable, Codable, Sendable {
    /// «Новое»: filed by the agent, waiting in the back office's queue.
    case new
    /// «В работе»: an operator took it.
    case inProgress = "in_progress"
    /// «Выполнено»: done; a change of personal data has been written into the contract.
    case done
    /// «Отклонено»: refused, always with a comment saying why, so the agent knows what to fix.
    case rejected

    /// A final status ends the application: nothing more can happen to it.
    public var isFinal: Bool { self == .done || self == .rejected }

    public var messageKey: String { "applications.status.\(rawValue)" }
}

/// What the back office does to an application; each is one button on the application's card.
public enum ApplicationAction: String, CaseIterable, Codable, Sendable {
    /// «Взять в работу».
    case take
    /// «Выполнить».
    case complete
    /// «Отклонить»: needs a comment.
    case reject

    public var messageKey: String { "applications.action.\(rawValue)" }
}

/// Why an action was refused; raw values are localisation keys.
public enum ApplicationRefusal: String, Error, Sendable, Equatable {
    /// The action does not lead anywhere from the current status (someone else acted first, or a stale page).
    case notAllowed = "applications.refusal.not_allowed"
    /// «Отклонить» without saying why.
    case commentRequired = "applications.refusal.comment_required"
    /// A comment longer than the card can show.
    case commentTooLong = "applications.refusal.comment_too_long"
}
