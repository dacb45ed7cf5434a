import Foundation
import KabinetDomain
import SQLKit
import Testing

@testable import Kabinet

/// The index hints of the contract list (SQLite's `INDEXED BY`) change how fast a page is found, never which rows
/// it holds: a page through the hinted index equals the page of the same query left to the planner.
@Suite("Contract list indexes")
struct ContractListIndexTests {
    @Test("A page in date order through a covering index holds exactly the rows of the planner's own plan")
    func coveringIndexPages() async throws {
        try await withKabinet { app in
            // given
            try await ContractGenerator(app: app, seed: 3, days: 200).generate(300)
            let queries = try ContractQueries(app.db)
            let agent = try await app.user("agent")
            let owner = try agent.requireID()
            let agency = try #require(agent.$agency.id)
            let office = try #require(agent.$office.id)
            var filters: [ContractListFilter] = []
            func add(_ change: (inout ContractListFilter) -> Void) {
                var filter = ContractListFilter()
                change(&filter)
                filters.append(filter)
            }
            add { _ in }
            add { $0.status = .accepted }
            add { $0.paid = true; $0.productCode = "product-1" }
            add { $0.status = .signed; $0.workRequired = false }
            add { $0.officeID = office; $0.paid = false }
            add { $0.ownerID = owner }
            add { $0.ownerID = owner; $0.status = .accepted }
            add { $0.erroneous = false; $0.productCode = "product-2"; $0.paid = true }
            add { $0.productCode = "product-2"; $0.paid = false; $0.issuedFrom = Date().addingTimeInterval(-120 * 86_400) }
            let scopes: [RecordVisibility] = [.everything, .agency(agency), .owners([owner])]
            struct Row: Decodable { var id: UUID }
            for scope in scopes {
                for filter in filters {
                    for descending in [true, false] {
                        let sort = ContractListSort(column: .issued, descending: descending)
                        // when
                        let page = try await queries.page(filter, scope: scope, sort: sort,
                            paging: Paging(page: 1, size: 100), total: 1)
                        let plain = queries.predicates(filter, scope: scope)
                            .reduce(queries.sql.select().column("id").from(Contract.schema)) { $0.where($1) }
                        let expected = try await queries.ordered(plain, sort).limit(100).all(decoding: Row.self)
                        // then
                        #expect(page.map(\.id) == expected.map(\.id), "\(filter) \(scope) \(descending)")
                    }
                }
            }
        }
    }

    @Test("The covering index is taken where two terms meet, not for one term alone or a list of owners")
    func coveringIndexChoice() {
        // given
        let owner = UUID()
        var paid = ContractListFilter()
        paid.paid = true
        var mine = ContractListFilter()
        mine.ownerID = owner
        // then
        #expect(!ContractQueries.walksCoveringIndex(ContractListFilter(), scope: .owners([owner])))
        #expect(!ContractQueries.walksCoveringIndex(paid, scope: .everything))
        #expect(ContractQueries.walksCoveringIndex(paid, scope: .owners([owner])))
        #expect(ContractQueries.walksCoveringIndex(paid, scope: .agency(UUID())))
        #expect(!ContractQueries.walksCoveringIndex(paid, scope: .owners([owner, UUID()])))
        #expect(ContractQueries.coveringIndex(.everything, mine) == "contracts_list_owner")
        #expect(ContractQueries.coveringIndex(.agency(UUID()), mine) == "contracts_list_agency")
    }
}
