import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Оформить» → the contract form → «Сохранить»; «Редактировать» while the contract is «Проект».
///
/// One POST handles every button of the form: add/remove blocks (the page comes back reshaped), «Назад» (what was
/// typed is kept for the next visit), «Сохранить» (all or nothing: 422 with each message next to its input, or the
/// card).
struct ContractFormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("contracts", "new", use: new)
        routes.post("contracts", "new", use: create)
        routes.get("contracts", ":id", "edit", use: edit)
        routes.post("contracts", ":id", "edit", use: update)
    }

    /// The form for a quote: what was typed before «Назад», else the insured as priced. A quote that already has
    /// its contract opens that contract; no quote at all (a bookmark, a typed address) leads to the products.
    func new(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .contracts)
        guard let quote = req.query[String.self, at: "quote"] else {
            return req.redirect(to: "/products", flash: "contracts.start_from_quote")
        }
        let saved = try await QuoteService(request: req).find(UUID(uuidString: quote) ?? UUID(), actor: actor)
        let quoteID = try saved.requireID()
        if let issued = try await ContractService(request: req).issued(fromQuote: quoteID) {
            return req.redirect(to: "/contracts/\(try issued.requireID())", flash: "contracts.already_issued")
        }
        let form = try await ContractFormStash.load(ContractFormStash.key(quote: quoteID), owner: actor.userID, on: req.db)
            ?? ContractForm.prefilled(from: saved)
        return try await ContractFormPage.render(req, form: form, terms: terms(saved, req: req), action: "/contracts/new")
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .contracts)
        var form = try req.content.decode(ContractForm.self)
        let saved = try await QuoteService(request: req).find(UUID(uuidString: form.quote ?? "") ?? UUID(), actor: actor)
        let quoteID = try saved.requireID()
        form.quote = quoteID.uuidString
        let terms = try await terms(saved, req: req)
        let stashKey = ContractFormStash.key(quote: quoteID)
        switch ContractFormAction(form._action) {
        case .back:
            try await ContractFormStash.keep(form, key: stashKey, owner: actor.userID, on: req.db)
            return req.redirect(to: "/quotes/\(quoteID)")
        case let action where action.reshapesForm:
            return try await ContractFormPage.render(req, form: form.applying(action), terms: terms, action: "/contracts/new")
        default:
            break
        }
        switch try await ContractService(request: req).create(from: saved, form: form, actor: actor) {
        case .success(let contract):
            try await ContractFormStash.discard(stashKey, owner: actor.userID, on: req.db)
            return req.redirect(to: "/contracts/\(try contract.requireID())", flash: "contracts.saved")
        case .failure(let failure):
            return try await rejected(req, form: form, terms: terms, action: "/contracts/new", failure: failure)
        }
    }

    func edit(req: Request) async throws -> Response {
        let actor = try req.actor
        let contract = try await editable(req, actor: actor)
        let id = try contract.requireID()
        let form = try await ContractFormStash.load(ContractFormStash.key(contract: id), owner: actor.userID, on: req.db)
            ?? ContractForm(draft: try contract.decodedData().draft)
        return try await ContractFormPage.render(req, form: form, terms: try await terms(contract, req: req),
                                                 action: "/contracts/\(id)/edit")
    }

    func update(req: Request) async throws -> Response {
        let actor = try req.actor
        let contract = try await editable(req, actor: actor)
        let id = try contract.requireID()
        var form = try req.content.decode(ContractForm.self)
        form.quote = nil
        let terms = try await terms(contract, req: req)
        let stashKey = ContractFormStash.key(contract: id)
        let action = "/contracts/\(id)/edit"
        switch ContractFormAction(form._action) {
        case .back:
            try await ContractFormStash.keep(form, key: stashKey, owner: actor.userID, on: req.db)
            return req.redirect(to: "/contracts/\(id)")
        case let button where button.reshapesForm:
            return try await ContractFormPage.render(req, form: form.applying(button), terms: terms, action: action)
        default:
            break
        }
        switch try await ContractService(request: req).update(contract, form: form, actor: actor) {
        case .success:
            try await ContractFormStash.discard(stashKey, owner: actor.userID, on: req.db)
            return req.redirect(to: "/contracts/\(id)", flash: "contracts.saved")
        case .failure(let failure):
            return try await rejected(req, form: form, terms: terms, action: action, failure: failure)
        }
    }

    /// The contract behind `:id` if the actor may edit it and it is still «Проект»; a signed one is refused with
    /// the reason (409), someone else's is 404.
    private func editable(_ req: Request, actor: Actor) async throws -> Contract {
        let contract = try await ContractService(request: req)
            .find(req.parameters.get("id", as: UUID.self), actor: actor, for: .edit)
        guard contract.state.isEditable else { throw AppError.message(.conflict, key: ContractFormMessage.notEditable) }
        return contract
    }

    private func rejected(_ req: Request, form: ContractForm, terms: ContractFormPage.Terms, action: String,
                          failure: ContractSaveFailure) async throws -> Response {
        switch failure {
        case .invalid(let errors):
            return try await ContractFormPage.render(req, form: form, terms: terms, action: action, errors: errors,
                                                     status: .unprocessableEntity)
        case .noNumber(let error):
            return try await ContractFormPage.render(req, form: form, terms: terms, action: action, noNumber: error,
                                                     status: .conflict)
        }
    }

    private func terms(_ saved: SavedQuote, req: Request) async throws -> ContractFormPage.Terms {
        let agreement = try await saved.agreementID.asyncMap { try await AgencyAgreement.find($0, on: req.db)?.number } ?? nil
        return ContractFormPage.Terms(quote: try saved.decodedQuote(), agreement: agreement, number: nil)
    }

    private func terms(_ contract: Contract, req: Request) async throws -> ContractFormPage.Terms {
        guard let quoteID = contract.quoteID, let saved = try await SavedQuote.find(quoteID, on: req.db) else {
            throw AppError.notFound
        }
        var terms = try await terms(saved, req: req)
        terms.number = contract.number
        return terms
    }
}
