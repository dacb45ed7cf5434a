import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Products: «Оформить» saves the quote and opens the contract form; saved quotes are listed and shown to those who may see them")
struct QuoteSavingTests {
    typealias Seed = SeedExample

    /// Where «Оформить» leads: the contract form filled from the saved quote.
    static let formPrefix = "/contracts/new?quote="

    /// Saves the seed example as `login` and returns the saved quote's page path.
    static func save(_ browser: Browser, _ overrides: [String: String] = [:]) async throws -> String {
        let response = try await browser.post("/products/product-1/quote", Seed.form(overrides))
        guard response.status == .seeOther, let location = response.location, location.hasPrefix(formPrefix) else {
            throw TestFailure("not saved: \(response.status) \(response.location ?? "") \(response.text.prefix(300))")
        }
        return "/quotes/" + location.dropFirst(formPrefix.count)
    }

    @Test("«Оформить» stores inputs, version and result, audits, and goes on to the contract form filled from the quote")
    func saveOpensTheContractForm() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            let saving = try await agent.post("/products/product-1/quote", Seed.form())
            let form = try await agent.get(try #require(saving.location))

            // then the seed's next step: «Заполнение личных данных клиента» with what the calculator knew
            let saved = try #require(try await app.savedQuotes().first)
            let id = try saved.requireID()
            #expect(saving.status == .seeOther && saving.location == Self.formPrefix + id.uuidString)
            #expect(form.status == .ok)
            #expect(form.text.contains("Расчет сохранен") && form.text.contains("Новый договор (Продукт 1)"))
            #expect(form.text.contains("value=\"Иванов\"") && form.text.contains("value=\"Германович\""))

            // and the saved quote keeps inputs, version and result
            let path = "/quotes/\(id)"
            let page = try await agent.get(path)
            #expect(saved.productCode == "product-1" && saved.productVersion == "2024.1")
            #expect(saved.totalPerPaymentMinor == 10_000_000 && saved.currency == "RUB")
            #expect(saved.insuredFullName == "Иванов Юрий Германович" && saved.isPolicyholder)
            #expect(try saved.decodedInput().premium == "100 000")
            #expect(try saved.decodedQuote().line("survival")?.sumInsured.formatted() == Seed.rub("603 566,62"))
            #expect(saved.ownerID == (try await app.user("agent").requireID()))
            #expect(page.status == .ok)
            #expect(page.cell("sum-survival") == Seed.rub("603 566,62"))
            #expect(page.cell("quote-version") == "2024.1")
            #expect(page.text.contains("1000002"))
            #expect(try await app.auditEntries("quote.saved").count == 1)
        }
    }

    @Test("Saving needs the insured's names and an agreement number; nothing is stored otherwise")
    func saveNeedsNamesAndAgreement() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")

            let page = try await agent.post("/products/product-1/quote",
                Seed.form(["lastName": " ", "firstName": "Юрий7", "agreement": ""]))

            #expect(page.status == .unprocessableEntity)
            #expect(page.fieldError("lastName") == "Обязательное поле")
            #expect(page.fieldError("firstName") == "Допустимы буквы, пробел, дефис и апостроф, не длиннее 100 символов")
            #expect(page.fieldError("agreement") == "Обязательное поле")
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
        }
    }

    @Test("An agent cannot save under another agency's agreement number")
    func otherAgencysAgreementRefused() async throws {
        try await withKabinet { app in
            // given: 2000001 belongs to «Южный брокер», the agent works for «Северное агентство»
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            let page = try await agent.post("/products/product-1/quote", Seed.form(["agreement": "2000001"]))

            // then
            #expect(page.status == .unprocessableEntity)
            #expect(page.fieldError("agreement") == "Номер АД «2000001» не найден среди агентских договоров вашего агентства")
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
            #expect(try await app.auditEntries("quote.saved").isEmpty)
        }
    }

    @Test("An agreement that is not in force on the start date is refused")
    func agreementNotInForce() async throws {
        try await withKabinet { app in
            let agreement = try #require(try await AgencyAgreement.query(on: app.db).filter(\.$number == "1000003").first())
            agreement.startsOn = Date().addingTimeInterval(90 * 86_400)
            try await agreement.save(on: app.db)
            let agent = Browser(app)
            try await agent.login("agent")

            let page = try await agent.post("/products/product-1/quote", Seed.form(["agreement": "1000003"]))

            #expect(page.status == .unprocessableEntity)
            #expect(page.fieldError("agreement") == "Агентский договор 1000003 не действует на дату начала \(Seed.start.russian)")
        }
    }

    @Test("Bad input on «Оформить» is 422 with the messages and nothing saved")
    func badInputNotSaved() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")

            let page = try await agent.post("/products/product-1/quote", Seed.form(["premium": "5"]))

            #expect(page.status == .unprocessableEntity)
            #expect(page.fieldError("premium")?.hasPrefix("Взнос должен быть от") == true)
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
        }
    }

    @Test("A saved quote keeps its version and figures after a new tariff version is uploaded")
    func savedQuoteKeepsItsVersion() async throws {
        try await withKabinet { app in
            // given: a quote saved under 2024.1
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Self.save(agent)

            // when: the administrator uploads 2025.1 with a higher survival yield, valid from today
            var tariff = try app.bundledTariff("product-1")
            tariff["version"] = "2025.1"
            tariff["validFrom"] = Seed.today.iso
            var risks = tariff["risks"] as? [[String: Any]] ?? []
            var survival = risks[0]["sumInsured"] as? [String: Any] ?? [:]
            survival["annualRate"] = "0.07"
            risks[0]["sumInsured"] = survival
            tariff["risks"] = risks
            let admin = Browser(app)
            try await admin.login("admin")
            let uploaded = try await admin.upload("/admin/tariffs", file: try JSONSerialization.data(withJSONObject: tariff))
            #expect(uploaded.status == .seeOther)

            // then: new calculations use 2025.1, the saved quote still shows 2024.1 exactly as priced
            let fresh = try await agent.post("/products/product-1/calculate", Seed.form())
            #expect(fresh.text.contains("версия тарифа 2025.1"))
            #expect(fresh.cell("sum-survival") != Seed.rub("603 566,62"))
            let saved = try await agent.get(path)
            #expect(saved.cell("quote-version") == "2024.1")
            #expect(saved.cell("sum-survival") == Seed.rub("603 566,62"))
            #expect(saved.cell("premium-survival") == Seed.rub("99 482,30"))
        }
    }

    @Test("An agent sees only own quotes, the partner admin the agency's, the back office all; others get 404")
    func visibility() async throws {
        try await withKabinet { app in
            // given: agent and agent3 (another agency) each save one quote
            let agent = Browser(app)
            try await agent.login("agent")
            let agentsQuote = try await Self.save(agent)
            let agent3 = Browser(app)
            try await agent3.login("agent3")
            let otherQuote = try await Self.save(agent3, ["agreement": "2000001", "lastName": "Петров"])

            // then
            let agent2 = Browser(app)
            try await agent2.login("agent2")
            #expect(try await agent2.get(agentsQuote).status == .notFound)
            #expect(!(try await agent2.get("/quotes")).text.contains("Иванов Юрий"))
            let partner = Browser(app)
            try await partner.login("partner")
            #expect(try await partner.get(agentsQuote).status == .ok)
            #expect(try await partner.get(otherQuote).status == .notFound)
            let partnerList = try await partner.get("/quotes")
            #expect(partnerList.text.contains("Иванов Юрий Германович") && !partnerList.text.contains("Петров"))
            let operatorUser = Browser(app)
            try await operatorUser.login("operator")
            #expect(try await operatorUser.get(agentsQuote).status == .ok)
            #expect(try await operatorUser.get(otherQuote).status == .ok)
            #expect(try await agent.get(otherQuote).status == .notFound)
            #expect(try await agent.get("/quotes/\(UUID())").status == .notFound)
        }
    }

    @Test("The list is newest first, paged and filtered by surname and product")
    func listNewestFirstPagedFiltered() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            for surname in ["Первый", "Второй", "Третий"] {
                _ = try await Self.save(agent, ["lastName": surname])
            }

            let list = try await agent.get("/quotes")
            let filtered = try await agent.get("/quotes?name=втор")
            let otherProduct = try await agent.get("/quotes?product=product-2")

            #expect(list.status == .ok)
            let first = try #require(list.text.range(of: "Третий"))
            let last = try #require(list.text.range(of: "Первый"))
            #expect(first.lowerBound < last.lowerBound)
            #expect(list.text.contains("Результатов найдено: 3"))
            #expect(filtered.text.contains("Второй") && !filtered.text.contains("Третий"))
            #expect(otherProduct.text.contains("Сохраненных расчетов нет"))
            let service = QuoteService(request: Request(application: app, on: app.eventLoopGroup.next()))
            let actor = try await ActorLoader.load(try await app.user("agent"), sessionID: nil, on: app.db)
            let page2 = try await service.list(actor: actor, paging: Paging(page: 2, size: 2))
            #expect(page2.total == 3 && page2.rows.map(\.insuredLastName) == ["Первый"])
        }
    }
}
