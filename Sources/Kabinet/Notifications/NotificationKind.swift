import KabinetDomain

/// The kinds of notification the portal sends, for the bell page's filter and the e-mail settings. Each names
/// the grant a user needs to ever receive it, so an agent is not offered «БСО заканчиваются».
struct NotificationKind: Sendable {
    /// Stored in `notifications.kind` and `notification_preferences.kind`; also the label key's suffix.
    var code: String
    /// nil: any logged-in user may receive it.
    var audience: Permission?

    var labelKey: String { "notification.kind.\(code)" }

    static let applicationStatus = NotificationKind(code: "application.status", audience: Permission(.applications, .create))
    static let applicationAssigned = NotificationKind(code: "application.assigned", audience: Permission(.applications, .changeStatus))
    static let contractSigned = NotificationKind(code: "contract.signed", audience: Permission(.contracts, .create))
    static let contractPaid = NotificationKind(code: "contract.paid", audience: Permission(.contracts, .create))
    static let reportReady = NotificationKind(code: "report.ready", audience: Permission(.reports, .view))
    static let blanksLow = NotificationKind(code: "blanks.low", audience: Permission(.administration, .manage))
    static let blanksExhausted = NotificationKind(code: "blanks.exhausted", audience: Permission(.administration, .manage))
    static let securityLockout = NotificationKind(code: "security.lockout", audience: nil)
    static let outboxFailed = NotificationKind(code: "outbox.failed", audience: Permission(.administration, .manage))

    static let all: [NotificationKind] = [
        applicationStatus, applicationAssigned, contractSigned, contractPaid, reportReady, blanksLow, blanksExhausted,
        securityLockout, outboxFailed,
    ]

    /// The kinds `permissions` can ever receive, in the catalog's order.
    static func offered(to permissions: PermissionSet) -> [NotificationKind] {
        all.filter { kind in kind.audience.map(permissions.allows) ?? true }
    }
}
