import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Testing
import Vapor

@testable import Kabinet

/// The generator's contracts are valid, and «Результатов найдено» from the counters always equals a plain count.
@Suite("Contract list counts and generator")
struct ContractListCountTests {
    @Test("The generator writes N contracts with valid, plausible fields and numbers of their own")
    func generator() async throws {
        try await withKabinet { app in
            // given
            let sellers = Set(try await GeneratedSellers.load(on: app.db).all.map(\.id))
            let now = Date()
            // when
            let written = try await ContractGenerator(app: app, now: now).generate(600)
            let more = try await ContractGenerator(app: app, now: now).generate(5)
            // then
            let contracts = try await Contract.query(on: app.db).all()
            #expect(written == 600 && more == 5 && contracts.count == 605)
            let numbers = contracts.compactMap(\.number)
            #expect(Set(numbers).count == 605 && numbers.allSatisfy { $0.count == 10 && $0.hasPrefix("77") && $0.allSatisfy(\.isNumber) })
            for contract in contracts {
                let state = contract.state
                #expect(ContractStatus(rawValue: contract.status) != nil && PaymentStatus(rawValue: contract.paymentStatus) != nil)
                #expect(contract.policyholderSearch == SearchText.normalize(contract.policyholderName))
                #expect(contract.policyholderName.split(separator: " ").count >= 2)
                #expect(sellers.contains(contract.ownerID) && contract.agencyID != nil && contract.agreementID != nil)
                #expect(contract.workRequired == (contract.workText != nil))
                #expect(state.status != .accepted || state.payment == .paid)
                #expect((state.status == .erroneous) == (state.erroneousFrom != nil))
                #expect((contract.paidAt != nil) == (state.payment == .paid))
                #expect(contract.issuedAt <= now && contract.issuedAt > now.addingTimeInterval(-3 * 366 * 86_400))
                #expect(contract.startDate > contract.issuedAt && contract.endDate > contract.startDate)
                #expect(contract.premiumMinor > 0 && contract.sumInsuredMinor > contract.premiumMinor)
                let data = try contract.decodedData()
                #expect(data.draft.insured.count == contract.insuredCount && data.quoteInput?.productCode == contract.productCode)
                #expect(data.draft.insured[0].fullName == contract.policyholderName)
            }
            #expect(Set(contracts.map(\.insuredCount)) == [1, 2])
            #expect(contracts.contains { $0.policyholderName.contains("ё") })
            #expect(Set(contracts.map(\.status)).count == ContractStatus.allCases.count)
            #expect(Set(contracts.map(\.productCode)).count > 5)
        }
    }

    @Test("The counters equal a GROUP BY over the contracts after inserts, updates and deletes")
    func countersFollowChanges() async throws {
        try await withKabinet { app in
            // given
            try await ContractGenerator(app: app, seed: 3).generate(300)
            let contracts = try await Contract.query(on: app.db).limit(40).all()
            // when
            for (index, contract) in contracts.enumerated() {
                switch index % 4 {
                case 0: contract.state = ContractState(status: .accepted, payment: .paid)
                case 1: contract.workRequired = true; contract.workText = "Проверить"
                case 2: contract.issuedAt = contract.issuedAt.addingTimeInterval(-40 * 86_400)
                default: try await contract.delete(on: app.db); continue
                }
                try await contract.save(on: app.db)
            }
            // then
            #expect(try await Self.countersMismatch(app) == 0)
        }
    }

    @Test("«Результатов найдено» from the counters equals COUNT(*) for any filters, visibility and period")
    func countsAgree() async throws {
        try await withKabinet { app in
            // given
            try await ContractGenerator(app: app, seed: 11, days: 400).generate(700)
            let queries = try ContractQueries(app.db)
            let agent = try await app.user("agent").requireID()
            let agency = try #require(try await app.user("agent").$agency.id)
            var random = SplitMix64(seed: 5)
            let today = CalendarDate(Date(), timeZone: MoscowTime.zone)
            let scopes: [RecordVisibility] = [.everything, .agency(agency), .owners([agent])]
            for round in 0..<60 {
                var filter = ContractListFilter()
                if random.chance(0.3) { filter.status = random.pick(ContractStatus.allCases) }
                if random.chance(0.3) { filter.paid = random.chance(0.5) }
                if random.chance(0.2) { filter.workRequired = random.chance(0.5) }
                if random.chance(0.2) { filter.erroneous = random.chance(0.5) }
                if random.chance(0.2) { filter.productCode = "product-\(Int.random(in: 1...4, using: &random))" }
                if random.chance(0.7) {
                    let first = today.adding(days: -Int.random(in: 0...420, using: &random))
                    filter.issuedFrom = MoscowTime.start(of: first)
                    filter.issuedBefore = MoscowTime.start(of: first.adding(days: Int.random(in: 1...200, using: &random)))
                    if random.chance(0.2) { filter.issuedFrom = nil } else if random.chance(0.2) { filter.issuedBefore = nil }
                }
                let scope = scopes[round % scopes.count]
                // when
                let fast = try await queries.count(filter, scope: scope)
                let plain = try await queries.countRows(filter, scope: scope)
                // then
                #expect(fast == plain, "\(filter) \(scope)")
            }
        }
    }

    @Test("A period is cut into whole buckets and at most two partial edges that cover it exactly")
    func buckets() {
        let day = 86_400.0
        let span = Double(ContractBuckets.span)
        let start = Date(timeIntervalSince1970: 700 * span)
        let inside = ContractBuckets(from: start.addingTimeInterval(day), before: start.addingTimeInterval(3 * day))
        let across = ContractBuckets(from: start.addingTimeInterval(-day), before: start.addingTimeInterval(span + day))
        let aligned = ContractBuckets(from: start, before: start.addingTimeInterval(2 * span))
        let open = ContractBuckets(from: nil, before: nil)
        #expect(inside.whole == nil && inside.edges == [start.addingTimeInterval(day)..<start.addingTimeInterval(3 * day)])
        #expect(across.whole == .init(lower: 700, upper: 701))
        #expect(across.edges == [start.addingTimeInterval(-day)..<start, start.addingTimeInterval(span)..<start.addingTimeInterval(span + day)])
        #expect(aligned.whole == .init(lower: 700, upper: 702) && aligned.edges.isEmpty)
        #expect(open.whole == .init(lower: nil, upper: nil) && open.edges.isEmpty)
    }

    /// Rows where the counters and a fresh GROUP BY disagree.
    static func countersMismatch(_ app: Application) async throws -> Int {
        let sql = try #require(app.db as? any SQLDatabase)
        let key = sql.dialect.name == "postgresql"
            ? "owner_id, COALESCE(agency_id, '\(CreateContractListCounts.noID)'::uuid), COALESCE(office_id, '\(CreateContractListCounts.noID)'::uuid), product_code, status, payment_status, work_required, (floor(extract(epoch FROM issued_at))::bigint / \(ContractBuckets.span))::integer"
            : "owner_id, COALESCE(agency_id, '\(CreateContractListCounts.noID)'), COALESCE(office_id, '\(CreateContractListCounts.noID)'), product_code, status, payment_status, work_required, CAST(issued_at AS INTEGER) / \(ContractBuckets.span)"
        let counters = "SELECT owner_id, agency_id, office_id, product_code, status, payment_status, work_required, bucket, n FROM contract_list_counts WHERE n <> 0"
        let actual = "SELECT \(key), COUNT(*) FROM contracts GROUP BY 1, 2, 3, 4, 5, 6, 7, 8"
        struct Row: Decodable { var n: Int }
        let text = "SELECT COUNT(*) AS n FROM (SELECT * FROM (\(counters) EXCEPT \(actual)) AS missing "
            + "UNION ALL SELECT * FROM (\(actual) EXCEPT \(counters)) AS extra) AS difference"
        return try await sql.raw(SQLQueryString(text)).first(decoding: Row.self)?.n ?? -1
    }
}
