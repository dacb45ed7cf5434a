import Fluent
import Foundation
import KabinetDomain
import Vapor

/// What the application's card shows: the facts, the answers (files as download links), the history with every
/// comment — the agent reads why it was rejected here — and for the back office the actions and «Исполнитель».
struct ApplicationCard: Encodable {
    struct Answer: Encodable {
        var label: String
        var value: String?
        var fileURL: String?
        var fileName: String?
    }

    struct Event: Encodable {
        var at: String
        var who: String
        var action: String
        var comment: String?
    }

    struct Action: Encodable {
        var kind: String
        var label: String
        var danger: Bool
        var commentRequired: Bool
        var error: String?
    }

    var id: UUID
    var number: Int
    var type: String
    var contractID: UUID
    var contractNumber: String
    var owner: String
    var createdAt: String
    var status: String
    var statusCode: String
    var assignee: String?
    var answers: [Answer]
    var events: [Event]
    var actions: [Action]
    var canAssign: Bool
    var assignees: [SelectOption]
    var assignError: String?

    static func make(_ application: ContractApplication, actor: Actor, req: Request,
                     failed: (action: String, message: String)? = nil) async throws -> ApplicationCard {
        let id = try application.requireID()
        let type = try await application.$type.get(on: req.db)
        let events = try await ApplicationEvent.query(on: req.db).filter(\.$application.$id == id).sort(\.$at).all()
        let users = try await User.query(on: req.db)
            .filter(\.$id ~~ ([application.ownerID] + (application.assigneeID.map { [$0] } ?? []))).all()
        let name = { (userID: UUID?) in users.first { $0.id == userID }?.fullName }
        let works = Authorizer.may(actor, .changeStatus, in: .applications) && actor.subject.canSee(application.ownership)
        let operators = works && !application.applicationStatus.isFinal ? try await ApplicationService(request: req).operators() : []
        let answers = application.answers
        let fileIDs = type.fields.filter { $0.kind == .file }.compactMap { answers[$0.key].flatMap(UUID.init(uuidString:)) }
        let fileNames = Dictionary(uniqueKeysWithValues: try await StoredFile.query(on: req.db).filter(\.$id ~~ fileIDs)
            .field(\.$id).field(\.$filename).all().compactMap { file in file.id.map { ($0, file.filename) } })
        return ApplicationCard(
            id: id, number: application.number, type: application.typeName, contractID: application.$contract.id,
            contractNumber: application.contractNumber, owner: name(application.ownerID) ?? "—",
            createdAt: MoscowTime.dateTime(application.createdAt), status: req.t(application.applicationStatus.messageKey),
            statusCode: application.status, assignee: name(application.assigneeID),
            answers: type.fields.compactMap { field in
                guard let value = answers[field.key] else { return nil }
                if field.kind == .file {
                    return Answer(label: field.label, value: nil, fileURL: "/applications/\(id)/files/\(field.key)",
                                  fileName: UUID(uuidString: value).flatMap { fileNames[$0] })
                }
                let shown = field.kind == .date ? CalendarDate(value)?.russian ?? value : value
                return Answer(label: field.label, value: shown, fileURL: nil, fileName: nil)
            },
            events: events.map { event in
                Event(at: MoscowTime.dateTime(event.at), who: event.actorName,
                      action: req.t("applications.event.\(event.action)"), comment: event.comment)
            },
            actions: works ? ApplicationStateMachine.actions(from: application.applicationStatus).map { action in
                Action(kind: action.rawValue, label: req.t(action.messageKey), danger: action == .reject,
                       commentRequired: action == .reject, error: failed?.action == action.rawValue ? failed?.message : nil)
            } : [],
            canAssign: !operators.isEmpty,
            assignees: operators.compactMap { user in
                user.id.map { SelectOption(value: $0.uuidString, label: user.fullName, selected: $0 == application.assigneeID) }
            },
            assignError: failed?.action == "assign" ? failed?.message : nil)
    }
}
