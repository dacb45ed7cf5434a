import Foundation

/// The rules of an application's life, apart from any storage, so they are tested in microseconds and the web
/// pages only ask «which buttons» and «what comes next».
///
/// Take: Новое → В работе. Complete: В работе → Выполнено (an operator must have taken it, so somebody owns the
/// work). Reject: Новое or В работе → Отклонено, with a comment. Final statuses accept nothing.
public enum ApplicationStateMachine {
    /// The longest comment kept; the agent reads it on the card.
    public static let maxCommentLength = 2000

    /// The actions offered in `status`, in the order the card shows them.
    public static func actions(from status: ApplicationStatus) -> [ApplicationAction] {
        switch status {
        case .new: [.take, .reject]
        case .inProgress: [.complete, .reject]
        case .done, .rejected: []
        }
    }

    /// The status after `action`, or why it may not happen. `comment` is trimmed; blank counts as none.
    public static func apply(_ action: ApplicationAction, to status: ApplicationStatus, comment: String?)
        -> Result<ApplicationStatus, ApplicationRefusal>
    {
        guard actions(from: status).contains(action) else { return .failure(.notAllowed) }
        let text = comment?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if text.count > maxCommentLength { return .failure(.commentTooLong) }
        switch action {
        case .take: return .success(.inProgress)
        case .complete: return .success(.done)
        case .reject: return text.isEmpty ? .failure(.commentRequired) : .success(.rejected)
        }
    }
}
