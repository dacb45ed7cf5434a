import Foundation
import KabinetDomain
import Vapor

/// The contract card (`/contracts/:id`) and its «Изменить статус» buttons. Someone else's contract is 404 for the
/// card, the edit form and every status change alike, so ids cannot be probed.
struct ContractCardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("contracts", ":id", use: card)
        routes.post("contracts", ":id", "status", ":action", use: changeStatus)
    }

    /// What a status button posts: the «Ошибочный» confirmation, a reason, the text of required work.
    struct StatusForm: Content {
        var confirmed: String?
        var reason: String?
        var text: String?
    }

    func card(req: Request) async throws -> Response {
        let actor = try req.actor
        let contract = try await ContractService(request: req).find(req.parameters.get("id", as: UUID.self), actor: actor)
        return try await render(req, contract, actor: actor)
    }

    /// Applies one action; a refusal comes back on the card next to its button: 422 when a detail is missing
    /// (confirmation, reason, text), 409 when the status rules do not allow it.
    func changeStatus(req: Request) async throws -> Response {
        let actor = try req.actor
        let service = ContractService(request: req)
        let contract = try await service.find(req.parameters.get("id", as: UUID.self), actor: actor, for: .changeStatus)
        guard let kind = ContractActionKind(rawValue: req.parameters.get("action") ?? "") else { throw AppError.notFound }
        let form = try req.content.decode(StatusForm.self)
        let action = Self.action(kind, form: form)
        switch try await service.change(contract, action, actor: actor) {
        case .success:
            return req.redirect(to: "/contracts/\(try contract.requireID())", flash: "contracts.status_changed")
        case .failure(let refusal):
            let status: HTTPStatus = Self.badDetails.contains(refusal) ? .unprocessableEntity : .conflict
            return try await render(req, contract, actor: actor, failed: (kind, req.message(refusal.fieldError)),
                                    status: status)
        }
    }

    /// Refusals about what was typed with the action rather than about the contract's status.
    static let badDetails: Set<TransitionRefusal> = [
        .erroneousNotConfirmed, .reasonRequired, .workTextRequired,
        .workTextTooLong(max: ContractStateMachine.maxWorkTextLength),
    ]

    static func action(_ kind: ContractActionKind, form: StatusForm) -> ContractAction {
        let reason = form.reason?.trimmed ?? ""
        switch kind {
        case .sign: return .sign
        case .pay: return .pay
        case .accept: return .accept
        case .cancel: return .cancel(reason: reason.nonEmpty)
        case .markErroneous: return .markErroneous(confirmed: ContractInputParsing.yesNo(form.confirmed) == true)
        case .restoreFromErroneous: return .restoreFromErroneous(reason: reason)
        case .requireWork: return .requireWork(text: form.text ?? "")
        case .clearRequiredWork: return .clearRequiredWork
        }
    }

    private func render(_ req: Request, _ contract: Contract, actor: Actor,
                        failed: (ContractActionKind, String)? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let content = try await ContractCardContent.make(contract, actor: actor, req: req, failed: failed)
        return try await req.page("contracts/card", title: "contracts.card_title", content, status: status)
    }
}
