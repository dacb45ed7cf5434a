import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The back office working an application: take, complete, reject, assign. Each change is one transaction with its
/// history line, audit entry, the contract's new data (a completed change of personal data) and the agent's
/// notification, so the agent never hears of a change that did not happen.
struct ApplicationWorkflow {
    let request: Request

    /// Performs `action`; throws `ApplicationRefusal` when the rules say no (nothing is stored then).
    func perform(_ action: ApplicationAction, on application: ContractApplication, comment: String?, actor: Actor)
        async throws
    {
        let text = comment?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let id = try application.requireID()
        try await request.db.transaction { db in
            // Read again inside the transaction: a colleague may have acted since the page was drawn.
            guard let current = try await ContractApplication.find(id, on: db) else { throw AppError.notFound }
            let before = ContractApplication.Snapshot(current)
            let next = try ApplicationStateMachine.apply(action, to: current.applicationStatus, comment: text).get()
            current.status = next.rawValue
            if action == .take && current.assigneeID == nil { current.assigneeID = actor.userID }
            if next.isFinal { current.resolvedAt = Date() }
            try await current.save(on: db)
            let audit = request.audit.on(db)
            if next == .done, try await current.$type.get(on: db).applicationEffect == .personalData {
                try await PersonalDataEffect.apply(current, actor: actor, audit: audit, on: db)
            }
            try await ApplicationEvent(applicationID: id, actor: actor, action: action.rawValue, toStatus: next, comment: text)
                .create(on: db)
            try await audit.record(
                "application.\(action.rawValue)", entity: "application", id: id.uuidString,
                summary: "Заявление № \(current.number): \(ApplicationStatusText.russian(next))\(text.map { " — \($0)" } ?? "")",
                before: before, after: ContractApplication.Snapshot(current))
            try await ApplicationNotices(database: db).statusChanged(current, comment: text)
            try await WebhookEvents.application(.applicationChanged, current, action: action.rawValue, on: db)
        }
    }

    /// Sets «Исполнитель» (nil clears it); only users who may work the queue can be chosen.
    func assign(_ application: ContractApplication, to assigneeID: UUID?, actor: Actor) async throws {
        if let assigneeID {
            let allowed = try await ApplicationService(request: request).operators().compactMap(\.id)
            guard allowed.contains(assigneeID) else {
                throw AppError.validation([FieldProblem(field: "assignee", key: "applications.error.assignee")])
            }
        }
        guard !application.applicationStatus.isFinal else { throw ApplicationRefusal.notAllowed }
        guard application.assigneeID != assigneeID else { return }
        let id = try application.requireID()
        try await request.db.transaction { db in
            let before = ContractApplication.Snapshot(application)
            application.assigneeID = assigneeID
            try await application.save(on: db)
            let name = try await assigneeID.asyncMap { try await User.find($0, on: db)?.fullName } ?? nil
            try await ApplicationEvent(applicationID: id, actor: actor, action: "assigned", toStatus: nil, comment: name)
                .create(on: db)
            try await request.audit.on(db).record(
                "application.assigned", entity: "application", id: id.uuidString,
                summary: "Заявление № \(application.number): исполнитель \(name ?? "—")",
                before: before, after: ContractApplication.Snapshot(application))
            if let assigneeID, assigneeID != actor.userID {
                try await ApplicationNotices(database: db).assigned(application, to: assigneeID)
            }
            try await WebhookEvents.application(.applicationChanged, application, action: "assigned", on: db)
        }
    }
}

/// Russian names of the statuses for the audit trail, which is read by the back office in Russian.
enum ApplicationStatusText {
    static func russian(_ status: ApplicationStatus) -> String {
        switch status {
        case .new: "Новое"
        case .inProgress: "В работе"
        case .done: "Выполнено"
        case .rejected: "Отклонено"
        }
    }
}

fileprivate extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
