import Foundation
import KabinetDomain
import Vapor

extension KabinetAPI {
    /// «Список договоров» over the API: the page's filters as query parameters, checked by the same rules and run
    /// under the same visibility (`ContractListing`), so the API never shows a contract the page would hide.
    func listContracts(_ input: Operations.ListContracts.Input) async throws -> Operations.ListContracts.Output {
        let (request, actor) = try APIContext.authenticated()
        let query = input.query
        // The page treats empty filters as "not given"; the API document promises formats and lengths, so a value
        // that breaks them is a 422 rather than a silently ignored filter.
        var problems: [FieldProblem] = []
        for (field, value) in [("from", query.from), ("to", query.to)] {
            if let value, !APIInputFormat.isDay(value) { problems.append(FieldProblem(field: field, key: "api.date.format")) }
        }
        APIInputFormat.text(query.name, field: "name", max: 100, into: &problems)
        APIInputFormat.text(query.number, field: "number", max: 40, into: &problems)
        APIInputFormat.text(query.product, field: "product", max: 64, into: &problems)
        for (field, value) in [("operator", query._operator), ("office", query.office)] {
            if let value, UUID(uuidString: value) == nil { problems.append(FieldProblem(field: field, key: "api.field.invalid")) }
        }
        APIInputFormat.range(query.page, field: "page", 1...100_000, into: &problems)
        APIInputFormat.range(query.size, field: "size", 1...100, into: &problems)
        try APIInputFormat.throwIfAny(problems)
        let list = ContractListInput(
            name: query.name, number: query.number, operator: query._operator, paid: query.paid?.rawValue,
            product: query.product, status: query.status?.rawValue, work: query.work?.rawValue,
            erroneous: query.erroneous?.rawValue, office: query.office, period: query.period?.rawValue,
            from: query.from, to: query.to, mine: query.mine == true ? "1" : nil, sort: query.sort?.rawValue,
            dir: query.dir?.rawValue, page: query.page.map(String.init), size: query.size.map(String.init))
        let listing = ContractListing(request: request, actor: actor)
        let plan = try await listing.plan(list)
        let page = try await listing.page(plan)
        let names = try await listing.ownerNames(page.rows, plan: plan)
        let items = try page.rows.map { try Components.Schemas.ContractSummary($0, ownerName: names[$0.ownerID.uuidString]) }
        return .ok(.init(body: .json(.init(
            items: items, page: plan.list.paging.page, size: plan.list.paging.size, total: page.total))))
    }

    /// The card of one contract with its core-system status. Someone else's contract and a malformed id both read
    /// as 404, so ids cannot be probed.
    func getContract(_ input: Operations.GetContract.Input) async throws -> Operations.GetContract.Output {
        let (request, actor) = try APIContext.authenticated()
        try Authorizer.require(actor, .view, in: .contracts)
        let contract = try await ContractService(request: request).find(UUID(uuidString: input.path.id), actor: actor)
        return .ok(.init(body: .json(try await .make(contract, on: request.db))))
    }
}
