import Fluent
import KabinetDomain
import Vapor

/// «Заявления»: the list (the agent's own, the back office's queue), the card, attachments; filing is in
/// `+Filing`, the back office's work in `+Work`. Every handler goes through `Authorizer` via `ApplicationService`.
struct ApplicationsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("applications")
        group.get(use: list)
        group.get("export.csv", use: export)
        group.get("new", use: new)
        group.post(use: create)
        group.get(":id", use: card)
        group.get(":id", "files", ":key", use: file)
        group.post(":id", "status", ":action", use: act)
        group.post(":id", "assign", use: assign)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .applications)
        let (content, valid) = try await ApplicationList(request: req).content(actor: actor)
        return try await req.page("applications/list", title: "applications.title", content,
                                  status: valid ? .ok : .unprocessableEntity)
    }

    func export(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .export, in: .applications)
        let list = ApplicationList(request: req)
        if let download = try await list.export(actor: actor) { return download }
        let (content, _) = try await list.content(actor: actor)
        return try await req.page("applications/list", title: "applications.title", content, status: .unprocessableEntity)
    }

    func card(req: Request) async throws -> Response {
        let actor = try req.actor
        let application = try await ApplicationService(request: req).find(req.parameters.get("id", as: UUID.self), actor: actor)
        return try await renderCard(req, application, actor: actor)
    }

    func renderCard(_ req: Request, _ application: ContractApplication, actor: Actor,
                    failed: (action: String, message: String)? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let content = try await ApplicationCard.make(application, actor: actor, req: req, failed: failed)
        return try await req.page("applications/card", title: "applications.card", content, status: status)
    }

    /// An attachment, only through the application that holds it, so a file id alone opens nothing.
    func file(req: Request) async throws -> Response {
        let actor = try req.actor
        let application = try await ApplicationService(request: req).find(req.parameters.get("id", as: UUID.self), actor: actor)
        guard let key = req.parameters.get("key"), let id = application.answers[key].flatMap(UUID.init(uuidString:)),
              try await application.$type.get(on: req.db).fields.contains(where: { $0.key == key && $0.kind == .file }),
              let stored = try await StoredFile.find(id, on: req.db)
        else { throw AppError.notFound }
        return stored.download()
    }
}
