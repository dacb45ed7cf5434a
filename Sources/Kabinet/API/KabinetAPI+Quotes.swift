import Foundation
import KabinetDomain
import Vapor

extension KabinetAPI {
    func calculateQuote(_ input: Operations.CalculateQuote.Input) async throws -> Operations.CalculateQuote.Output {
        let body = switch input.body { case .json(let value): value }
        return .ok(.init(body: .json(try await Self.price(body))))
    }

    /// Prices for the caller with the version in force today — the one path of the generated operation and of its
    /// shortcut.
    static func price(_ body: Components.Schemas.QuoteInput) async throws -> Components.Schemas.Quote {
        let (request, actor) = try APIContext.authenticated()
        try Authorizer.require(actor, .view, in: .products)
        return try .init(try await QuoteService(request: request).calculate(try body.domainInput()).get())
    }

    /// «Оформить»: the service prices again, checks the agreement and the names, stores and audits; nothing is
    /// stored when anything is wrong.
    func saveQuote(_ input: Operations.SaveQuote.Input) async throws -> Operations.SaveQuote.Output {
        let (request, actor) = try APIContext.authenticated()
        let body = switch input.body { case .json(let value): value }
        var problems: [FieldProblem] = []
        APIInputFormat.text(body.agreementNumber, field: "agreementNumber", max: APIInputFormat.maxCodeLength, into: &problems)
        for (field, value) in [("lastName", body.lastName), ("firstName", body.firstName)] {
            APIInputFormat.text(value, field: field, max: APIInputFormat.maxNameLength, into: &problems)
        }
        // «Отчество» is optional: empty means none.
        if (body.middleName?.count ?? 0) > APIInputFormat.maxNameLength {
            problems.append(FieldProblem(field: "middleName", key: "api.field.too_long", arguments: [String(APIInputFormat.maxNameLength)]))
        }
        let draft = QuoteDraft(
            input: try body.domainInput(adding: problems), agreementNumber: body.agreementNumber,
            lastName: body.lastName, firstName: body.firstName, middleName: body.middleName,
            isPolicyholder: body.isPolicyholder)
        let saved = try await QuoteService(request: request).save(draft, actor: actor).get()
        let result = try await Components.Schemas.SavedQuote.make(saved, on: request.db)
        return .created(.init(headers: .init(location: "/api/v1/quotes/\(result.id)"), body: .json(result)))
    }

    func listQuotes(_ input: Operations.ListQuotes.Input) async throws -> Operations.ListQuotes.Output {
        let (request, actor) = try APIContext.authenticated()
        let query = input.query
        var problems: [FieldProblem] = []
        APIInputFormat.range(query.page, field: "page", 1...APIInputFormat.maxPage, into: &problems)
        APIInputFormat.range(query.size, field: "size", 1...APIInputFormat.maxPageSize, into: &problems)
        APIInputFormat.text(query.product, field: "product", max: APIInputFormat.maxCodeLength, into: &problems)
        APIInputFormat.text(query.name, field: "name", max: APIInputFormat.maxNameLength, into: &problems)
        try APIInputFormat.throwIfAny(problems)
        let paging = Paging(page: query.page, size: query.size)
        let filter = QuoteListFilter(product: query.product, name: query.name, page: query.page)
        let (rows, total) = try await QuoteService(request: request).list(actor: actor, paging: paging, filter: filter)
        let numbers = try await APIAgreementNumbers.of(rows, on: request.db)
        let items = try rows.map { try Components.Schemas.SavedQuoteSummary($0, agreementNumber: $0.agreementID.flatMap { numbers[$0] }) }
        return .ok(.init(body: .json(.init(items: items, page: paging.page, size: paging.size, total: total))))
    }

    /// Someone else's quote and a malformed id both read as 404, so ids cannot be probed.
    func getQuote(_ input: Operations.GetQuote.Input) async throws -> Operations.GetQuote.Output {
        let (request, actor) = try APIContext.authenticated()
        try Authorizer.require(actor, .view, in: .products)
        guard let id = UUID(uuidString: input.path.id) else { throw AppError.notFound }
        let saved = try await QuoteService(request: request).find(id, actor: actor)
        return .ok(.init(body: .json(try await .make(saved, on: request.db))))
    }
}

extension APIShortcut {
    /// The quote calculator's calls from integrations come in bursts; pricing itself is a few microseconds once
    /// the tariff's models are known, so the generic coders were the larger part of a call.
    static let calculateQuote = APIShortcut(method: .post, path: "/api/v1/quotes/calculate") { bytes in
        guard let object = FlatJSONObject(bytes), let input = Components.Schemas.QuoteInput(object),
            let quote = try? await KabinetAPI.price(input)
        else { return nil }
        return quote.jsonBytes
    }
}
