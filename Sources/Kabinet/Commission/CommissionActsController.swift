import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Мои акты»: the acts the user may see, filterable by month, agreement and status and paged; the back office also
/// gets «Сформировать акт» for any month and one or every agreement.
struct CommissionActsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("acts", use: list)
        routes.post("acts", "generate", use: generate)
    }

    struct Filter: Content {
        var month: String?
        var agreement: String?
        var status: String?
        var page: Int?
    }

    struct GenerateForm: Content {
        var month: String?
        var agreement: String?
    }

    struct Row: Encodable {
        var id: String
        var month: String
        var agreement: String
        var agency: String
        var count: Int
        var commission: String
        var status: String
        var statusText: String
    }

    struct Page: Encodable {
        var rows: [Row]
        var filter: Filter
        var paging: Paging.Links
        var agreements: [SelectOption]
        var statuses: [SelectOption]
        var backOffice: Bool
        var form: GenerateForm
        var generateAgreements: [SelectOption]
        var errors: [String: String]
    }

    func list(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireViewer(req)
        let previous = ActMonth(containing: MoscowTime.today()).previous
        return try await render(req, actor: actor, form: GenerateForm(month: previous.description, agreement: ""))
    }

    /// «Сформировать»: the month's act of one agreement (even an empty one: it confirms nothing is owed) or of every
    /// agreement with payments. Existing acts stay as they are, so pressing it twice makes nothing twice.
    func generate(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireBackOffice(req)
        let form = try req.content.decode(GenerateForm.self)
        var problems: [FieldProblem] = []
        let month = ActMonth(form.month ?? "")
        if month == nil { problems.append(FieldProblem(field: "month", key: "commission.error.month")) }
        let number = form.agreement?.trimmed ?? ""
        let agreement = number.isEmpty ? nil : try await AgencyAgreement.query(on: req.db).filter(\.$number == number).first()
        if !number.isEmpty, agreement == nil {
            problems.append(FieldProblem(field: "agreement", key: "commission.error.agreement"))
        }
        guard problems.isEmpty, let month else {
            return try await render(req, actor: actor, form: form, problems: problems, status: .unprocessableEntity)
        }
        let generator = CommissionActGenerator(database: req.db)
        if let agreement {
            let (act, outcome) = try await generator.generate(agreement, month: month, by: actor.login, audit: req.audit)
            return req.redirect(to: "/acts/\(try act.requireID())",
                                flash: outcome == .unchanged ? "commission.flash.unchanged" : "commission.flash.generated")
        }
        let outcomes = try await generator.generateAll(month: month, by: actor.login, audit: req.audit)
        let changed = outcomes.contains { $0 != .unchanged }
        return req.redirect(to: "/acts?month=\(month)", flash: changed ? "commission.flash.generated" : "commission.flash.unchanged")
    }

    private func render(_ req: Request, actor: Actor, form: GenerateForm, problems: [FieldProblem] = [],
                        status: HTTPStatus = .ok) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        let paging = Paging(page: filter.page)
        let query = CommissionAct.query(on: req.db)
        if case .some(let agency) = CommissionAccess.agencyFilter(actor) {
            guard let agency else { return try await page(req, actor, [], filter, paging, 0, form, problems, status) }
            query.filter(\.$agencyID == agency)
        }
        if let month = filter.month.flatMap(ActMonth.init) { query.filter(\.$month == month.description) }
        if let number = filter.agreement?.trimmed, !number.isEmpty { query.filter(\.$agreementNumber == number) }
        if let state = filter.status.flatMap(ActStatus.init(rawValue:)) { query.filter(\.$status == state.rawValue) }
        let total = try await query.count()
        let acts = try await query.sort(\.$month, .descending).sort(\.$agreementNumber)
            .range(paging.offset..<(paging.offset + paging.size)).all()
        return try await page(req, actor, acts, filter, paging, total, form, problems, status)
    }

    private func page(_ req: Request, _ actor: Actor, _ acts: [CommissionAct], _ filter: Filter, _ paging: Paging,
                      _ total: Int, _ form: GenerateForm, _ problems: [FieldProblem], _ status: HTTPStatus)
        async throws -> Response
    {
        let agencies = try await Agency.query(on: req.db).all()
        let names = Dictionary(uniqueKeysWithValues: agencies.compactMap { agency in agency.id.map { ($0, agency.name) } })
        var rows: [Row] = []
        for act in acts {
            let lines = try await CommissionActLine.query(on: req.db).filter(\.$actID == act.requireID()).all()
            rows.append(Row(
                id: try act.requireID().uuidString, month: CommissionActView.monthTitle(act.actMonth) { req.t($0) },
                agreement: act.agreementNumber, agency: names[act.agencyID] ?? "—", count: act.lineCount,
                commission: CommissionActView.amounts(lines.totals.totals.map(\.commission), format: req.formatted),
                status: act.status, statusText: req.t("commission.status.\(act.status)")))
        }
        let agreements = try await QuoteAgreements.available(to: actor, on: req.db)
        let anything = SelectOption(value: "", label: req.t("commission.filter.all"))
        return try await req.page("commission/acts", title: "commission.acts.title", Page(
            rows: rows, filter: filter, paging: paging.links(total: total, request: req),
            agreements: [anything] + agreements.map { SelectOption(value: $0.number, label: $0.number, selected: $0.number == filter.agreement) },
            statuses: [anything] + ActStatus.allCases.map {
                SelectOption(value: $0.rawValue, label: req.t("commission.status.\($0.rawValue)"), selected: $0.rawValue == filter.status)
            },
            backOffice: CommissionAccess.isBackOffice(actor), form: form,
            generateAgreements: [SelectOption(value: "", label: req.t("commission.generate.all_agreements"))] + agreements.map {
                SelectOption(value: $0.number, label: "\($0.number) — \($0.agency.name)", selected: $0.number == form.agreement)
            },
            errors: req.messages(for: problems)), status: status)
    }
}
