import Fluent
import KabinetDomain
import Vapor

/// The back office's buttons on the card: «Взять в работу», «Выполнить», «Отклонить» (with a comment) and
/// «Исполнитель». A refusal redraws the card with the message next to the button (422), nothing stored.
extension ApplicationsController {
    struct ActionForm: Decodable {
        var comment: String?
    }

    struct AssignForm: Decodable {
        var assignee: String?
    }

    func act(req: Request) async throws -> Response {
        let actor = try req.actor
        let application = try await ApplicationService(request: req)
            .find(req.parameters.get("id", as: UUID.self), actor: actor, for: .changeStatus)
        guard let action = req.parameters.get("action").flatMap(ApplicationAction.init(rawValue:)) else { throw AppError.notFound }
        let comment = try req.content.decode(ActionForm.self).comment
        do {
            try await ApplicationWorkflow(request: req).perform(action, on: application, comment: comment, actor: actor)
        } catch let refusal as ApplicationRefusal {
            return try await renderCard(req, application, actor: actor, failed: (action.rawValue, req.t(refusal.rawValue)),
                                        status: .unprocessableEntity)
        }
        return req.redirect(to: "/applications/\(try application.requireID())", flash: "applications.saved")
    }

    func assign(req: Request) async throws -> Response {
        let actor = try req.actor
        let application = try await ApplicationService(request: req)
            .find(req.parameters.get("id", as: UUID.self), actor: actor, for: .changeStatus)
        let text = try req.content.decode(AssignForm.self).assignee
        do {
            let assignee: UUID? = try text.blankAsNil.map { value in
                guard let id = UUID(uuidString: value) else {
                    throw AppError.validation([FieldProblem(field: "assignee", key: "applications.error.assignee")])
                }
                return id
            }
            try await ApplicationWorkflow(request: req).assign(application, to: assignee, actor: actor)
        } catch AppError.validation(let problems) {
            return try await renderCard(req, application, actor: actor,
                                        failed: ("assign", req.messages(for: problems)["assignee"] ?? ""), status: .unprocessableEntity)
        } catch let refusal as ApplicationRefusal {
            return try await renderCard(req, application, actor: actor, failed: ("assign", req.t(refusal.rawValue)),
                                        status: .unprocessableEntity)
        }
        return req.redirect(to: "/applications/\(try application.requireID())", flash: "applications.saved")
    }
}
