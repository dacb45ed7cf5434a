import Foundation
import KabinetDomain
import NIOCore
import Vapor

/// «Список договоров»: the seed's filters, «Результатов найдено: N», the sortable columns, pages and
/// «Выгрузить в CSV». Everyone sees what the `Authorizer` lets them see; by default all of it, with «Только мои»
/// for those who see more than their own.
struct ContractListController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("contracts", use: list)
        routes.get("contracts", "export.csv", use: export)
    }

    func list(req: Request) async throws -> Response {
        let listing = ContractListing(request: req, actor: try req.actor)
        let input = try req.query.decode(ContractListInput.self)
        do {
            let plan = try await listing.plan(input)
            let page = try await listing.page(plan)
            let names = try await listing.ownerNames(page.rows, plan: plan)
            let content = ContractListContent(
                input: input, plan: plan, listing: listing, req: req,
                rows: page.rows.map { ContractListLine($0, ownerNames: names, req: req) },
                total: page.total, paging: plan.list.paging.links(total: page.total, request: req))
            return try await req.page("contracts/list", title: "contracts.list.title", content)
        } catch AppError.validation(let problems) {
            try Authorizer.require(listing.actor, .view, in: .contracts)
            let options = try await ContractListOptions.load(for: listing.actor, on: req)
            var content = ContractListContent(
                input: input, plan: .init(list: ContractListRequest(), scope: .owners([]), options: options),
                listing: listing, req: req, rows: [], total: 0, paging: nil)
            content.errors = req.messages(for: problems)
            return try await req.page("contracts/list", title: "contracts.list.title", content, status: .unprocessableEntity)
        }
    }

    /// The filtered list (every page, in the list's order) as CSV, streamed chunk by chunk: memory stays at one
    /// chunk however many contracts match, and the same visibility rule applies as on the page.
    func export(req: Request) async throws -> Response {
        let listing = ContractListing(request: req, actor: try req.actor)
        let input = try req.query.decode(ContractListInput.self)
        let plan = try await listing.plan(input, action: .export)
        let queries = try ContractQueries(req.db)
        try await req.audit.record("contract.list.exported", entity: "contract", id: nil,
            summary: "Выгрузка списка договоров в CSV", after: input)
        return CSVDownload.response(name: "contracts", titles: ContractListContent.columnTitles(req)) { emit in
            try await queries.forEachChunk(plan.list.filter, scope: plan.scope, sort: plan.list.sort) { rows in
                let names = try await listing.ownerNames(rows, plan: plan)
                try await emit(rows.map { ContractListLine($0, ownerNames: names, req: req).exportFields })
            }
        }
    }
}
