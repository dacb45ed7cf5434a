import Fluent
import Foundation
import Vapor

/// «Создать новый отчет»: the form, «Сформировать отчет» (checks, queues, back to the list), «Сохранить фильтры»
/// (a named variant of the user) and its removal. A refused form is shown again with 422 and nothing is queued.
struct ReportFormController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", "new", use: form)
        routes.post("reports", use: create)
        routes.post("reports", "variants", use: saveVariant)
        routes.post("reports", "variants", ":id", "delete", use: deleteVariant)
    }

    /// `?variant=<id>` starts from a saved variant; `?kind=payments` from that kind.
    func form(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .reports)
        var input = ReportInput()
        if let id = (try? req.query.get(String.self, at: "variant")).flatMap(UUID.init(uuidString:)),
            let variant = try await variant(id, of: actor, on: req.db)
        {
            input = variant.decodedInput()
        }
        if let kind = try? req.query.get(String.self, at: "kind") { input.kind = kind }
        return try await render(input, errors: [:], actor: actor, req: req)
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .reports)
        let input = try req.content.decode(ReportInput.self)
        let options = try await ReportOptions.load(for: actor, on: req)
        switch input.check(against: options) {
        case .success(let filter):
            let request = try await ReportRequests.queue(filter, requester: actor.userID, locale: req.locale, on: req.db)
            try await req.audit.record("report.requested", entity: "report", id: request.id?.uuidString,
                summary: "Запрошен отчет № \(request.number)", after: filter)
            return req.redirect(to: "/reports", flash: "reports.flash.queued")
        case .failure(let error):
            guard case .validation(let problems) = error else { throw error }
            return try await render(input, errors: req.messages(for: problems), actor: actor, req: req, options: options)
        }
    }

    /// Saves the form under «Название варианта»; the same name replaces the user's earlier variant.
    func saveVariant(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .reports)
        var input = try req.content.decode(ReportInput.self)
        guard let name = ContractListInput.value(input.variantName), name.count <= 100 else {
            let problem = FieldProblem(field: "variant_name", key: "reports.error.variant_name")
            return try await render(input, errors: req.messages(for: [problem]), actor: actor, req: req)
        }
        input.variantName = nil
        let variant = try await ReportVariant.query(on: req.db).filter(\.$ownerID == actor.userID)
            .filter(\.$name == name).first() ?? ReportVariant()
        let before = variant.id == nil ? nil : variant.input
        variant.ownerID = actor.userID
        variant.name = name
        variant.input = String(decoding: try JSONEncoder().encode(input), as: UTF8.self)
        variant.updatedAt = Date()
        try await variant.save(on: req.db)
        try await req.audit.record("report.variant.saved", entity: "report_variant", id: variant.id?.uuidString,
            summary: "Сохранен вариант отчета «\(name)»", before: before, after: input)
        return req.redirect(to: "/reports/new?variant=\(variant.id?.uuidString ?? "")", flash: "reports.flash.variant_saved")
    }

    func deleteVariant(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .create, in: .reports)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let variant = try await variant(id, of: actor, on: req.db)
        else { throw AppError.notFound }
        try await variant.delete(on: req.db)
        try await req.audit.record("report.variant.deleted", entity: "report_variant", id: id.uuidString,
            summary: "Удален вариант отчета «\(variant.name)»", before: variant.input)
        return req.redirect(to: "/reports/new", flash: "reports.flash.variant_deleted")
    }

    private func variant(_ id: UUID, of actor: Actor, on db: any Database) async throws -> ReportVariant? {
        try await ReportVariant.query(on: db).filter(\.$id == id).filter(\.$ownerID == actor.userID).first()
    }

    private func render(_ input: ReportInput, errors: [String: String], actor: Actor, req: Request,
        options: ReportOptions? = nil) async throws -> Response
    {
        let options = if let options { options } else { try await ReportOptions.load(for: actor, on: req) }
        let variants = try await ReportVariant.query(on: req.db).filter(\.$ownerID == actor.userID).sort(\.$name).all()
        let content = ReportFormContent(input: input, options: options, variants: variants, errors: errors, req: req)
        return try await req.page("reports/form", title: "reports.new.title", content,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
