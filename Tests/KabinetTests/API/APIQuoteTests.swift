import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("API quotes: the seed example, every bad input of the engine, saving and who may read what")
struct APIQuoteTests {
    @Test("The seed example through POST /quotes/calculate gives the seed's table to the kopeck")
    func seedExample() async throws {
        try await withKabinet { app in
            // given
            let client = try await APIClient.signedIn(app, as: "agent")

            // when
            let answer = try await client.post("/api/v1/quotes/calculate", json: APISeed.body())

            // then
            #expect(answer.status == .ok)
            let quote = answer.json
            let lines = Dictionary(uniqueKeysWithValues: (quote["lines"] as? [[String: Any]] ?? []).map {
                ($0["riskName"] as? String ?? "", (APISeed.amount($0["sumInsured"]) ?? "", APISeed.amount($0["premium"]) ?? ""))
            })
            #expect(lines.count == 5)
            #expect(lines["Дожитие с возвратом взносов"]! == ("603566.62", "99482.30"))
            let riders = lines.filter { $0.key != "Дожитие с возвратом взносов" }
            #expect(riders.values.allSatisfy { $0.0 == "49881.54" })
            #expect(Set(riders.values.map(\.1)) == ["195.34", "85.44", "15.95", "220.97"])
            #expect(APISeed.amount(quote["totalPerYear"]) == "100000.00")
            #expect(APISeed.amount(quote["totalPerPayment"]) == "100000.00")
            #expect((quote["totalPerYear"] as? [String: Any])?["currency"] as? String == "RUB")
            #expect(quote["productVersion"] as? String == "2024.1" && quote["ageAtStart"] as? Int == 32)
            #expect(quote["startDate"] as? String == SeedExample.start.iso)
        }
    }

    @Test("The reverse calculation from the main sum insured gives back the seed's premium")
    func fromSumInsured() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")

            let answer = try await client.post("/api/v1/quotes/calculate",
                json: APISeed.body(["basis": "sumInsured", "premium": nil, "sumInsured": "603566.62"]))

            #expect(answer.status == .ok)
            #expect(answer.json["calculatedFrom"] as? String == "sumInsured")
            #expect(APISeed.amount(answer.json["mainSumInsured"]) == "603566.62")
        }
    }

    /// One bad input of the engine: the body change, the field that must carry the message, its message key.
    struct BadInput: Sendable, CustomStringConvertible {
        var name: String
        var overrides: @Sendable () -> [String: Any?]
        var field: String
        var key: PricingMessageKey
        var description: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "premium below the limit", overrides: { ["premium": "1000"] }, field: "premium", key: .pricingPremiumOutOfLimits),
        BadInput(name: "premium above the limit", overrides: { ["premium": "9000000"] }, field: "premium", key: .pricingPremiumOutOfLimits),
        BadInput(name: "too young at start", overrides: { ["birthDate": SeedExample.today.adding(years: -17).iso] },
            field: "birthDate", key: .pricingAgeAtStartOutOfLimits),
        BadInput(name: "too old at start", overrides: { ["birthDate": SeedExample.today.adding(years: -70).iso] },
            field: "birthDate", key: .pricingAgeAtStartOutOfLimits),
        BadInput(name: "too old at the end", overrides: { ["birthDate": SeedExample.today.adding(years: -64).iso, "term": 15] },
            field: "birthDate", key: .pricingAgeAtEndOutOfLimits),
        BadInput(name: "start today, before the window", overrides: { ["startDate": SeedExample.today.iso] },
            field: "startDate", key: .pricingStartDateOutOfRange),
        BadInput(name: "start after the window", overrides: { ["startDate": SeedExample.today.adding(days: 31).iso] },
            field: "startDate", key: .pricingStartDateOutOfRange),
        BadInput(name: "impossible date", overrides: { ["startDate": "2025-02-30"] }, field: "startDate", key: .pricingDateInvalid),
        BadInput(name: "frequency the product does not offer", overrides: { ["frequency": "single"] },
            field: "frequency", key: .pricingFrequencyNotAllowed),
        BadInput(name: "term the product does not offer", overrides: { ["term": 6] }, field: "term", key: .pricingTermNotAllowed),
        BadInput(name: "term out of any range", overrides: { ["term": 0] }, field: "term", key: .pricingTermInvalid),
        BadInput(name: "mandatory risk switched off", overrides: { ["risks": ["survival", "accidentDeath"]] },
            field: "risks", key: .pricingRiskMandatoryMissing),
        BadInput(name: "unknown risk", overrides: { ["risks": SeedExample.allRisks + ["flood"]] }, field: "risks", key: .pricingRiskUnknown),
        BadInput(name: "unknown product", overrides: { ["productCode": "product-99"] }, field: "productCode", key: .pricingProductUnknown),
        BadInput(name: "no premium", overrides: { ["premium": nil] }, field: "premium", key: .pricingRequired),
        BadInput(name: "zero premium", overrides: { ["premium": "0"] }, field: "premium", key: .pricingPremiumNotPositive),
        BadInput(name: "sum insured basis without the sum", overrides: { ["basis": "sumInsured"] }, field: "sumInsured", key: .pricingRequired),
    ]

    @Test("Every bad input of the engine: 422 with the engine's message at the field, nothing priced", arguments: badInputs)
    func badInput(_ bad: BadInput) async throws {
        try await withKabinet { app in
            // given
            let client = try await APIClient.signedIn(app, as: "agent")

            // when
            let answer = try await client.post("/api/v1/quotes/calculate", json: APISeed.body(bad.overrides()))

            // then
            #expect(answer.status == .unprocessableEntity && answer.isProblem)
            #expect(answer.json["lines"] == nil)
            let template = app.localization.text(bad.key.rawValue, locale: "ru")
            let fixedStart = String(template.prefix { $0 != "{" })
            let message = try #require(answer.fieldErrors[bad.field], "\(answer.fieldErrors)")
            #expect(!fixedStart.isEmpty && message.hasPrefix(fixedStart), "\(message) vs \(template)")
        }
    }

    @Test("POST /quotes saves: 201, Location, the result as priced, the agreement and names; audited")
    func save() async throws {
        try await withKabinet { app in
            // given
            let client = try await APIClient.signedIn(app, as: "agent")

            // when
            let answer = try await client.post("/api/v1/quotes", json: APISeed.saveBody())

            // then
            #expect(answer.status == .created)
            let id = try #require(answer.json["id"] as? String)
            #expect(answer.headers.first(name: .location) == "/api/v1/quotes/\(id)")
            #expect(answer.json["agreementNumber"] as? String == "1000002")
            let insured = answer.json["insured"] as? [String: Any] ?? [:]
            #expect(insured["lastName"] as? String == "Иванов" && insured["isPolicyholder"] as? Bool == true)
            #expect(APISeed.amount((answer.json["quote"] as? [String: Any])?["totalPerYear"]) == "100000.00")
            let stored = try #require(try await SavedQuote.find(UUID(uuidString: id), on: app.db))
            let agentID = try await app.user("agent").requireID()
            #expect(stored.productVersion == "2024.1" && stored.ownerID == agentID)
            #expect(try await app.auditEntries("quote.saved").count == 1)
            let read = try await client.get("/api/v1/quotes/\(id)")
            #expect(read.status == .ok && read.json["id"] as? String == id)
        }
    }

    @Test("An agent cannot save under another agency's agreement number: 422 at agreementNumber, nothing stored")
    func otherAgencysAgreement() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")

            let answer = try await client.post("/api/v1/quotes", json: APISeed.saveBody(["agreementNumber": "2000001"]))

            #expect(answer.status == .unprocessableEntity)
            #expect(answer.fieldErrors["agreementNumber"] != nil)
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
        }
    }

    @Test("Saving reports pricing, name and agreement problems together, at their properties")
    func saveProblemsTogether() async throws {
        try await withKabinet { app in
            let client = try await APIClient.signedIn(app, as: "agent")

            let answer = try await client.post("/api/v1/quotes",
                json: APISeed.saveBody(["premium": "1000", "lastName": "Иванов7", "agreementNumber": "999"]))

            #expect(answer.status == .unprocessableEntity)
            #expect(Set(answer.fieldErrors.keys) == ["premium", "lastName", "agreementNumber"])
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
        }
    }

    @Test("An agent cannot read another agent's quote (404); the partner admin of the agency can")
    func visibility() async throws {
        try await withKabinet { app in
            // given
            let owner = try await APIClient.signedIn(app, as: "agent")
            let id = try #require(try await owner.post("/api/v1/quotes", json: APISeed.saveBody()).json["id"] as? String)

            // when
            let colleague = try await APIClient.signedIn(app, as: "agent2").get("/api/v1/quotes/\(id)")
            let otherAgency = try await APIClient.signedIn(app, as: "agent3").get("/api/v1/quotes/\(id)")
            let partner = try await APIClient.signedIn(app, as: "partner").get("/api/v1/quotes/\(id)")

            // then
            #expect(colleague.status == .notFound && colleague.isProblem)
            #expect(otherAgency.status == .notFound)
            #expect(partner.status == .ok)
        }
    }

    @Test("GET /quotes lists only the caller's visible quotes, newest first, paged and filtered")
    func list() async throws {
        try await withKabinet { app in
            // given: three quotes of the agent, one of agent3
            let agent = try await APIClient.signedIn(app, as: "agent")
            for name in ["Алексеев", "Борисов", "Васильев"] {
                #expect(try await agent.post("/api/v1/quotes", json: APISeed.saveBody(["lastName": name])).status == .created)
            }
            let other = try await APIClient.signedIn(app, as: "agent3")
            #expect(try await other.post("/api/v1/quotes", json: APISeed.saveBody(["agreementNumber": "2000001"])).status == .created)

            // when
            let first = try await agent.get("/api/v1/quotes?size=2")
            let second = try await agent.get("/api/v1/quotes?size=2&page=2")
            let byName = try await agent.get("/api/v1/quotes?name=%D0%B1%D0%BE%D1%80")
            let byProduct = try await agent.get("/api/v1/quotes?product=product-2")

            // then
            #expect(first.json["total"] as? Int == 3 && first.json["page"] as? Int == 1 && first.json["size"] as? Int == 2)
            let names = ((first.json["items"] as? [[String: Any]]) ?? []) + ((second.json["items"] as? [[String: Any]]) ?? [])
            #expect(names.compactMap { $0["insuredName"] as? String }.map { $0.prefix(while: { $0 != " " }) }
                == ["Васильев", "Борисов", "Алексеев"])
            #expect(names.allSatisfy { $0["agreementNumber"] as? String == "1000002" })
            #expect((byName.json["items"] as? [[String: Any]])?.count == 1 && byName.json["total"] as? Int == 1)
            #expect(byProduct.json["total"] as? Int == 0)
        }
    }
}
