import Fluent
import KabinetDomain
import Vapor

/// «Создать заявление» and «Оформить заявление» from a contract card (`/applications/new?contract=<id>`).
extension ApplicationsController {
    struct NewQuery: Decodable {
        var contract: String?
        var number: String?
        var type: String?
    }

    func new(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .applications)
        let query = (try? req.query.decode(NewQuery.self)) ?? NewQuery()
        var page = ApplicationFormPage()
        page.numberQuery = query.number ?? ""
        var contract: Contract?
        if let id = query.contract {
            contract = try await ContractService(request: req).find(UUID(uuidString: id), actor: actor)
        } else if let number = query.number?.trimmingCharacters(in: .whitespaces), !number.isEmpty {
            contract = try await visibleContract(number: number, actor: actor, req: req)
            if contract == nil { page.numberError = req.t("applications.error.contract_not_found") }
        }
        guard let contract else {
            page.recent = try await ApplicationFormPage.recentContracts(actor: actor, req)
            return try await req.page("applications/new", title: "applications.new", page,
                                      status: page.numberError == nil ? .ok : .unprocessableEntity)
        }
        return try await renderForm(req, contract: contract, typeID: query.type, actor: actor, page: page)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .applications)
        let form = try req.content.decode(ApplicationFilingForm.self)
        let contract = try await ContractService(request: req).find(form.contract.flatMap(UUID.init(uuidString:)), actor: actor)
        do {
            let application = try await ApplicationFiling(request: req).file(form, contract: contract, actor: actor)
            return req.redirect(to: "/applications/\(try application.requireID())", flash: "applications.filed")
        } catch AppError.validation(let problems) {
            var page = ApplicationFormPage()
            page.hasErrors = true
            return try await renderForm(req, contract: contract, typeID: form.type, actor: actor, page: page,
                                        values: form.answers ?? [:], errors: req.messages(for: problems),
                                        status: .unprocessableEntity)
        }
    }

    private func renderForm(_ req: Request, contract: Contract, typeID: String?, actor: Actor, page: ApplicationFormPage,
                            values: [String: String] = [:], errors: [String: String] = [:],
                            status: HTTPStatus = .ok) async throws -> Response {
        var page = page
        page.contract = try ApplicationFormPage.summary(contract, req)
        let types = try await ApplicationService(request: req).offeredTypes(actor: actor, contract: contract)
        let chosen = types.first { $0.id?.uuidString == typeID } ?? (types.count == 1 ? types.first : nil)
        page.types = types.compactMap { type in type.id.map { .init(id: $0, name: type.name, selected: type === chosen) } }
        page.typeError = errors["type"]
        if let chosen {
            page.typeID = chosen.id
            page.typeName = chosen.name
            page.fields = ApplicationFormPage.fields(of: chosen, values: values, errors: errors)
            page.hasFiles = chosen.fields.contains { $0.kind == .file }
        }
        return try await req.page("applications/new", title: "applications.new", page, status: status)
    }

    /// The contract with this number, if the actor may see it; a number of someone else's contract finds nothing.
    private func visibleContract(number: String, actor: Actor, req: Request) async throws -> Contract? {
        guard let found = try await Contract.query(on: req.db).filter(\.$number == number).first() else { return nil }
        do {
            return try await ContractService(request: req).find(found.id, actor: actor)
        } catch AppError.notFound {
            return nil
        }
    }
}
