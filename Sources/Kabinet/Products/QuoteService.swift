import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Pricing and saved quotes for the web pages and the JSON API: one place that prices from the current catalog,
/// checks what saving needs, stores the result as priced, and answers "which quotes may this user see".
struct QuoteService {
    let request: Request

    init(request: Request) {
        self.request = request
    }

    private var db: any Database { request.db }

    /// The office's today: the start-date window and the tariff version in force are counted in Moscow.
    func today() -> CalendarDate {
        MoscowTime.today()
    }

    /// Prices the form with the product version in force today. Never throws for bad input: every problem comes
    /// back as a field error, and a quote is always complete.
    func calculate(_ input: QuoteInput) async throws -> Result<Quote, QuoteRejection> {
        let catalog = try await ProductCatalogStore.catalog(request.application)
        let today = today()
        let code = input.productCode.trimmingSpaces()
        guard let plan = catalog.plan(code, on: today) else {
            return .failure(QuoteRejection([FieldError(.product, .pricingProductUnknown, ["value": code])]))
        }
        switch input.parse(currency: plan.product.currency, today: today) {
        case .failure(let rejection): return .failure(rejection)
        case .success(let parsed): return plan.quote(parsed)
        }
    }

    /// «Оформить»: prices the draft again (a posted result is never trusted), checks the names and the agency
    /// agreement, and stores input, version and result together. All problems come back at once; nothing is
    /// stored unless there are none.
    func save(_ draft: QuoteDraft, actor: Actor) async throws -> Result<SavedQuote, QuoteRejection> {
        try Authorizer.require(actor, .view, in: .products)
        try Authorizer.require(actor, .create, in: .contracts)
        let priced = try await calculate(draft.input)
        var errors = priced.failure?.errors ?? []
        let names = InsuredNames.check(draft)
        errors += names.errors
        let start = priced.success?.startDate ?? CalendarDate(draft.input.startDate)
        let agreement = try await QuoteAgreements.check(draft.agreementNumber, start: start, actor: actor, on: db)
        errors += agreement.failure?.errors ?? []
        guard errors.isEmpty, let quote = priced.success, let agreement = agreement.success else {
            return .failure(QuoteRejection(errors))
        }
        let saved = try SavedQuote(quote: quote, input: draft.input, names: names.names,
            isPolicyholder: draft.isPolicyholder, owner: actor, agreement: agreement)
        let audit = request.audit
        try await db.transaction { db in
            try await saved.create(on: db)
            try await audit.on(db).record(
                "quote.saved", entity: "quote", id: saved.id?.uuidString,
                summary: "Сохранен расчет «\(quote.productName)» (версия \(quote.productVersion)) на \(saved.insuredFullName)",
                after: SavedQuote.Snapshot(saved))
        }
        return .success(saved)
    }

    /// A saved quote the actor may see; `AppError.notFound` when it is missing or belongs to someone they may not
    /// see, so ids cannot be probed.
    func find(_ id: UUID, actor: Actor) async throws -> SavedQuote {
        guard let quote = try await SavedQuote.find(id, on: db) else { throw AppError.notFound }
        try Authorizer.require(actor, .view, in: .products, on: quote.ownership)
        return quote
    }

    /// The quotes the actor may see, newest first: an agent's own, a partner admin's agency's, a team's for a team
    /// lead, everything for the back office.
    func list(actor: Actor, paging: Paging, filter: QuoteListFilter = QuoteListFilter()) async throws
        -> (rows: [SavedQuote], total: Int)
    {
        try Authorizer.require(actor, .view, in: .products)
        let query = SavedQuote.query(on: db)
        switch actor.subject.visibility {
        case .everything: break
        case .agency(let agency): query.filter(\.$agencyID == agency)
        case .owners(let owners): query.filter(\.$ownerID ~~ Array(owners))
        }
        filter.apply(to: query)
        let total = try await query.copy().count()
        let rows = try await query.sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range(paging.offset..<(paging.offset + paging.size)).all()
        return (rows, total)
    }
}
