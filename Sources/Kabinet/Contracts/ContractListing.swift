import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The contract list as the page, the API and the export all see it: checked filters, the actor's visibility
/// from the `Authorizer`, the count and one page. Nothing here knows about HTML or JSON.
struct ContractListing: Sendable {
    let request: Request
    let actor: Actor

    /// A checked request with the visibility it runs under and the user's choices.
    struct Plan: Sendable {
        var list: ContractListRequest
        var scope: RecordVisibility
        var options: ContractListOptions
    }

    struct Page: Sendable {
        var plan: Plan
        var total: Int
        var rows: [ContractListRow]
    }

    /// The office's day: «за день» and the other presets count Moscow days.
    static func today() -> CalendarDate {
        MoscowTime.today()
    }

    /// Checks the input against the rules and the user's choices; `AppError.validation` lists every problem.
    func plan(_ input: ContractListInput, action: SectionAction = .view) async throws -> Plan {
        try Authorizer.require(actor, action, in: .contracts)
        let options = try await ContractListOptions.load(for: actor, on: request)
        var problems: [FieldProblem] = []
        var list = ContractListRequest()
        switch input.parse(today: Self.today()) {
        case .success(let parsed): list = parsed
        case .failure(.validation(let found)): problems = found
        case .failure(let error): throw error
        }
        problems += options.check(list.filter).filter { problem in !problems.contains { $0.field == problem.field } }
        if !problems.isEmpty { throw AppError.validation(problems) }
        return Plan(list: list, scope: ContractQueries.scope(of: actor, onlyMine: list.filter.onlyMine), options: options)
    }

    /// The count and the requested page; the page is not read when nothing matches.
    func page(_ plan: Plan) async throws -> Page {
        let queries = try ContractQueries(request.db)
        let total = try await queries.count(plan.list.filter, scope: plan.scope)
        let rows = total > plan.list.paging.offset
            ? try await queries.page(plan.list.filter, scope: plan.scope, sort: plan.list.sort, paging: plan.list.paging,
                total: total)
            : []
        return Page(plan: plan, total: total, rows: rows)
    }

    /// The names of the page's operators; an owner who has left the actor's visible users since is read by id.
    func ownerNames(_ rows: [ContractListRow], plan: Plan) async throws -> [String: String] {
        var names = plan.options.operatorNames
        let missing = Set(rows.map(\.ownerID)).filter { names[$0.uuidString] == nil }
        guard !missing.isEmpty else { return names }
        for user in try await User.query(on: request.db).filter(\.$id ~~ missing).all() {
            if let id = user.id { names[id.uuidString] = user.fullName }
        }
        return names
    }

    /// Whether the user sees more than their own contracts, so «Только мои» means something.
    var seesMoreThanOwn: Bool {
        actor.subject.visibility != .owners([actor.userID])
    }
}

/// A row as people read it, in the request's language: the page and the CSV file show the same texts.
struct ContractListLine: Encodable, Sendable {
    var id: String
    var number: String
    var policyholder: String
    var product: String
    var issuedOn: String
    var status: String
    var payment: String
    var owner: String
    var work: String

    /// The line as «Выгрузить в CSV» writes it, in the list's column order.
    var exportFields: [String] { [number, policyholder, product, issuedOn, status, payment, owner, work] }

    init(_ row: ContractListRow, ownerNames: [String: String], req: Request) {
        let english = req.locale == "en"
        id = row.id.uuidString
        number = row.number ?? "—"
        policyholder = row.policyholderName
        product = row.productName
        issuedOn = Self.moscowDay(row.issuedAt)
        status = row.contractStatus.map { english ? $0.englishName : $0.russianName } ?? row.status
        payment = row.payment.map { english ? $0.englishName : $0.russianName } ?? row.paymentStatus
        owner = ownerNames[row.ownerID.uuidString] ?? "—"
        let text = row.workText?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        work = row.workRequired ? (text.isEmpty ? req.t("contracts.list.work_required") : text) : "—"
    }

    /// «Дата оформления» as ДД.ММ.ГГГГ, the Moscow day of the instant, without building a date formatter for every
    /// row (an export formats a million of them).
    static func moscowDay(_ date: Date) -> String {
        let local = date.timeIntervalSince1970 + Double(MoscowTime.zone.secondsFromGMT(for: date))
        return CalendarDate(dayNumber: Int((local / 86_400).rounded(.down))).russian
    }
}
