import Fluent
import Foundation
import KabinetDomain
import Vapor

/// One act: its lines and totals, the PDF and XLSX downloads, and the back office's «Утвердить» / «Вернуть на
/// доработку» (with a comment) / «Переформировать» (a returned act). Another agency's act is a 404.
struct CommissionActCardController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let act = routes.grouped("acts", ":id")
        act.get(use: card)
        act.get("pdf", use: pdf)
        act.get("xlsx", use: xlsx)
        act.post("approve", use: approve)
        act.post("return", use: sendBack)
        act.post("regenerate", use: regenerate)
    }

    struct ReturnForm: Content {
        var comment: String?
    }

    struct Card: Encodable {
        var id: String
        var title: String
        var agency: String
        var agreement: String
        var status: String
        var statusText: String
        var generated: String
        var decided: String?
        var comment: String?
        var headers: [String]
        var lines: [[String]]
        var count: Int
        var paidTotal: String
        var commissionTotal: String
        var unrated: Int
        var backOffice: Bool
        var canDecide: Bool
        var canRegenerate: Bool
        var xlsx: Bool
        var form: ReturnForm
        var errors: [String: String]
    }

    func card(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireViewer(req)
        return try await render(req, actor: actor, act: try await CommissionAccess.act(req, actor: actor))
    }

    func pdf(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireViewer(req)
        let view = try await CommissionActView.load(try await CommissionAccess.act(req, actor: actor), on: req.db)
        return try await CommissionActPDF(application: req.application, database: req.db).file(for: view).download()
    }

    func xlsx(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireViewer(req)
        let view = try await CommissionActView.load(try await CommissionAccess.act(req, actor: actor), on: req.db)
        guard let file = try CommissionActXLSX.file(for: view, text: { req.t($0) }) else { throw AppError.notFound }
        return file.download()
    }

    func approve(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireBackOffice(req)
        let act = try await CommissionAccess.act(req, actor: actor)
        guard act.actStatus.canDecide else { return req.redirect(to: "/acts/\(try act.requireID())", flash: "commission.flash.not_pending") }
        try await decide(req, act: act, to: .approved, comment: nil, actor: actor)
        return req.redirect(to: "/acts/\(try act.requireID())", flash: "commission.flash.approved")
    }

    /// «Вернуть на доработку»: the comment is required (the agent and the back office must know what to fix).
    func sendBack(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireBackOffice(req)
        let act = try await CommissionAccess.act(req, actor: actor)
        guard act.actStatus.canDecide else { return req.redirect(to: "/acts/\(try act.requireID())", flash: "commission.flash.not_pending") }
        let form = try req.content.decode(ReturnForm.self)
        let comment = form.comment?.trimmed ?? ""
        guard !comment.isEmpty, comment.count <= 1000 else {
            let key = comment.isEmpty ? "commission.error.comment" : "commission.error.comment_long"
            return try await render(req, actor: actor, act: act, form: form,
                                    problems: [FieldProblem(field: "comment", key: key)], status: .unprocessableEntity)
        }
        try await decide(req, act: act, to: .returned, comment: comment, actor: actor)
        return req.redirect(to: "/acts/\(try act.requireID())", flash: "commission.flash.returned")
    }

    func regenerate(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireBackOffice(req)
        let act = try await CommissionAccess.act(req, actor: actor)
        guard let month = act.actMonth, let agreement = try await AgencyAgreement.find(act.agreementID, on: req.db) else {
            throw AppError.notFound
        }
        let (_, outcome) = try await CommissionActGenerator(database: req.db)
            .generate(agreement, month: month, by: actor.login, audit: req.audit)
        return req.redirect(to: "/acts/\(try act.requireID())",
                            flash: outcome == .unchanged ? "commission.flash.unchanged" : "commission.flash.generated")
    }

    private func decide(_ req: Request, act: CommissionAct, to status: ActStatus, comment: String?, actor: Actor) async throws {
        let before = act.status
        let oldFile = act.pdfFileID
        act.status = status.rawValue
        act.decidedAt = Date()
        act.decidedBy = actor.login
        act.returnComment = comment
        act.pdfFileID = nil
        try await req.db.transaction { db in
            try await act.save(on: db)
            if let oldFile { try await StoredFile.query(on: db).filter(\.$id == oldFile).delete() }
            try await req.audit.on(db).record(
                status == .approved ? "commission.act_approved" : "commission.act_returned", entity: "commission_act",
                id: act.id?.uuidString,
                summary: "Акт агента за \(act.month) по агентскому договору \(act.agreementNumber): "
                    + (status == .approved ? "утвержден" : "возвращен на доработку — \(comment ?? "")"),
                before: ["status": before], after: ["status": status.rawValue, "comment": comment ?? ""])
        }
    }

    private func render(_ req: Request, actor: Actor, act: CommissionAct, form: ReturnForm = ReturnForm(),
                        problems: [FieldProblem] = [], status: HTTPStatus = .ok) async throws -> Response {
        let view = try await CommissionActView.load(act, on: req.db)
        let totals = view.totals.totals
        let month = CommissionActView.monthTitle(act.actMonth) { req.t($0) }
        let backOffice = CommissionAccess.isBackOffice(actor)
        return try await req.page("commission/act", title: "commission.act.title", Card(
            id: try act.requireID().uuidString, title: req.t("commission.act.heading", act.agreementNumber, req.locale == "ru" ? month.lowercased() : month),
            agency: view.agencyName, agreement: act.agreementNumber, status: act.status,
            statusText: req.t("commission.status.\(act.status)"), generated: MoscowTime.dateTime(act.generatedAt),
            decided: act.decidedAt.map { MoscowTime.dateTime($0) + " · " + (act.decidedBy ?? "") }, comment: act.returnComment,
            headers: CommissionActColumns.headers { req.t($0) },
            lines: view.lines.map { CommissionActColumns.texts($0, money: req.formatted) }, count: view.totals.count,
            paidTotal: CommissionActView.amounts(totals.map(\.paid), format: req.formatted),
            commissionTotal: CommissionActView.amounts(totals.map(\.commission), format: req.formatted),
            unrated: backOffice ? act.unratedCount : 0, backOffice: backOffice,
            canDecide: backOffice && act.actStatus.canDecide, canRegenerate: backOffice && act.actStatus.canRegenerate,
            xlsx: CommissionActXLSX.available, form: form, errors: req.messages(for: problems)), status: status)
    }
}
