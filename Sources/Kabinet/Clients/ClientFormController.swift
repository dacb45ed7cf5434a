import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Добавить клиента» and «Редактировать»: one form, two buttons. «Подтвердить» sends the SMS code to the client;
/// «Сохранить данные» checks everything (and the code, when a new phone is given) and saves in one transaction,
/// so a bad field or a wrong code saves nothing.
struct ClientFormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let clients = routes.grouped("clients")
        clients.get("new", use: new)
        clients.post(use: create)
        clients.get(":id", "edit", use: edit)
        clients.post(":id", use: update)
    }

    func new(req: Request) async throws -> Response {
        try Authorizer.require(try req.actor, .create, in: .clients)
        return try await ClientFormPage.render(req, form: ClientForm(), client: nil)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .clients)
        return try await submit(req, actor: actor, client: nil)
    }

    func edit(req: Request) async throws -> Response {
        let visible = try await ClientAccess.load(req, .edit)
        try ClientAccess.requireUnlocked(visible)
        return try await ClientFormPage.render(req, form: ClientForm(visible.client, comment: visible.membership?.comment),
                                               client: visible)
    }

    func update(req: Request) async throws -> Response {
        let visible = try await ClientAccess.load(req, .edit)
        try ClientAccess.requireUnlocked(visible)
        return try await submit(req, actor: try req.actor, client: visible)
    }

    /// Both buttons of both forms.
    private func submit(_ req: Request, actor: Actor, client: VisibleClient?) async throws -> Response {
        let form = try req.content.decode(ClientForm.self)
        func refuse(_ problems: [FieldProblem]) async throws -> Response {
            try await ClientFormPage.render(req, form: form, client: client, errors: req.messages(for: problems),
                                            status: .unprocessableEntity)
        }
        let confirmation = ClientPhoneConfirmation(database: req.db, localization: req.application.localization)
        let alreadyConfirmed = client.map { ClientFormPage.isConfirmed(form, client: $0.client) } ?? false
        if form.isConfirmStep {
            guard form.withPhone != nil else { return try await refuse([FieldProblem(field: "phone", key: "clients.error.required")]) }
            let phone: RussianPhoneNumber
            switch RussianPhoneNumber.parseMobile(form.phone ?? "") {
            case .success(let number): phone = number
            case .failure(let problem):
                let key = problem == .empty ? "required" : problem == .notMobile ? "phone_mobile" : "phone"
                return try await refuse([FieldProblem(field: "phone", key: "clients.error.\(key)")])
            }
            if alreadyConfirmed {
                return try await ClientFormPage.render(req, form: form, client: client, notice: req.t("clients.phone.confirmed"))
            }
            switch try await confirmation.send(to: phone, agentID: actor.userID, agentName: actor.fullName) {
            case .failure(let refusal): return try await refuse([refusal.problem])
            case .success:
                try await req.audit.record("client.code_sent", entity: "client_phone", id: phone.e164,
                                           summary: "Код подтверждения телефона отправлен на \(phone.formatted)")
                var shown = form
                shown.code = nil
                return try await ClientFormPage.render(req, form: shown, client: client,
                                                       notice: req.t("clients.code.sent", phone.formatted), askCode: true)
            }
        }
        let details: ClientDetails
        switch ClientValidator.validate(form.input, today: QuoteService(request: req).today()) {
        case .failure(let rejection): return try await refuse(rejection.errors.problems)
        case .success(let valid): details = valid
        }
        var code: ClientPhoneCode?
        if let phone = details.phone, !alreadyConfirmed {
            guard let typed = form.code, !typed.trimmingCharacters(in: .whitespaces).isEmpty else {
                return try await refuse([FieldProblem(field: "code", key: "clients.code.required")])
            }
            switch try await confirmation.check(typed, phone: phone, agentID: actor.userID) {
            case .failure(let refusal): return try await refuse([refusal.problem])
            case .success(let checked): code = checked
            }
        }
        let registry = ClientRegistry(database: req.db, audit: req.audit, actor: actor)
        if let client {
            switch try await registry.update(client, with: details, code: code, keepPhone: alreadyConfirmed) {
            case .failure(let refusal): return try await refuse(refusal.problems)
            case .success: return req.redirect(to: "/clients/\(client.id)", flash: "clients.saved")
            }
        }
        switch try await registry.add(details, code: code) {
        case .failure(let refusal): return try await refuse(refusal.problems)
        case .success(.created(let id)): return req.redirect(to: "/clients/\(id)", flash: "clients.added")
        case .success(.joined(let id)): return req.redirect(to: "/clients/\(id)", flash: "clients.joined")
        case .success(.alreadyInBase(let id)): return req.redirect(to: "/clients/\(id)", flash: "clients.already_in_base")
        }
    }
}
