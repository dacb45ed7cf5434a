import Fluent
import Foundation
import KabinetDomain

/// Who hears about an application: the agent when its status changes (with the comment), the operator when it is
/// assigned to them. Once per status and per assignee (`eventKey`), so a repeated click notifies nobody twice.
struct ApplicationNotices {
    let database: any Database

    func statusChanged(_ application: ContractApplication, comment: String?) async throws {
        let id = try application.requireID()
        let status = application.applicationStatus
        try await Notifier(database: database).notify(
            application.ownerID, kind: NotificationKind.applicationStatus.code,
            titleKey: "notification.application_status.\(status.rawValue)",
            bodyKey: comment == nil ? "notification.application_status.body" : "notification.application_status.body_comment",
            arguments: [String(application.number), application.typeName, application.contractNumber, comment ?? ""],
            link: "/applications/\(id)", eventKey: "application.status:\(id):\(status.rawValue)")
    }

    func assigned(_ application: ContractApplication, to userID: UUID) async throws {
        let id = try application.requireID()
        try await Notifier(database: database).notify(
            userID, kind: NotificationKind.applicationAssigned.code, titleKey: "notification.application_assigned.title",
            bodyKey: "notification.application_assigned.body",
            arguments: [String(application.number), application.typeName, application.contractNumber],
            link: "/applications/\(id)", eventKey: "application.assigned:\(id):\(userID)")
    }
}
