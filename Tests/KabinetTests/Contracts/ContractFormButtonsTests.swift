import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Contracts: the form's other buttons keep what was typed and never save half")
struct ContractFormButtonsTests {
    typealias Example = ContractExample

    @Test("«Назад» returns to the quote and the form reopens with what was typed; nothing is issued")
    func backKeepsTypedData() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let back = try await agent.post("/contracts/new", Example.form(
                quote: quote, ["insured[0][birthPlace]": "город Барнаул"], action: "back"))
            let reopened = try await agent.get("/contracts/new?quote=\(quote)")

            // then
            #expect(back.status == .seeOther && back.location == "/quotes/\(quote)")
            #expect(reopened.text.contains("value=\"город Барнаул\""))
            #expect(reopened.text.contains("value=\"yug@mail.ru\""))
            #expect(try await app.contracts().isEmpty)
            #expect(try await app.takenNumbers(agreement: "1000002") == 0)
        }
    }

    @Test("«Добавить +» adds an insured and a beneficiary block, «Удалить» removes one; nothing is saved")
    func addAndRemoveBlocks() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let added = try await agent.post("/contracts/new", Example.form(quote: quote, action: "add-insured"))
            let beneficiary = try await agent.post("/contracts/new", Example.form(
                quote: quote, ["insured[1][lastName]": "Иванова"], action: "add-beneficiary"))
            let removed = try await agent.post("/contracts/new", Example.form(
                quote: quote, ["insured[1][lastName]": "Иванова"], action: "remove-insured-1"))

            // then
            #expect(added.status == .ok)
            #expect(added.text.contains("name=\"insured[1][lastName]\""))
            #expect(added.text.contains("value=\"Иванов\""))
            #expect(beneficiary.text.contains("name=\"beneficiaries[0][share]\""))
            #expect(beneficiary.text.contains("value=\"Иванова\""))
            #expect(!removed.text.contains("name=\"insured[1][lastName]\""))
            #expect(!added.text.contains("data-field="))
            #expect(try await app.contracts().isEmpty)
        }
    }

    @Test("A second «Сохранить» for the same quote opens the first contract instead of taking another number")
    func oneQuoteOneContract() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)
            let first = try await agent.post("/contracts/new", Example.form(quote: quote))

            // when
            let second = try await agent.post("/contracts/new", Example.form(quote: quote))
            let reopen = try await agent.get("/contracts/new?quote=\(quote)")

            // then
            #expect(first.location == second.location)
            #expect(reopen.location == first.location)
            #expect(try await app.contracts().count == 1)
            #expect(try await app.takenNumbers(agreement: "1000002") == 1)
        }
    }

    @Test("A separate policyholder's data are required in full; with them the contract names the policyholder")
    func separatePolicyholder() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let notHolder = try await agent.post("/products/product-1/quote",
                                                 SeedExample.form().filter { $0.0 != "isPolicyholder" })
            let quote = String(try #require(notHolder.location).dropFirst(QuoteSavingTests.formPrefix.count))
            let holder = Dictionary(uniqueKeysWithValues: Example.form(quote: nil).compactMap { name, value in
                name.hasPrefix("insured[0]") ? ("policyholder" + name.dropFirst("insured[0]".count), value) : nil
            })

            // when
            let form = try await agent.get("/contracts/new?quote=\(quote)")
            let empty = try await agent.post("/contracts/new", Example.form(quote: quote, ["policyholder[source]": "person"]))
            var filled = holder
            filled["policyholder[source]"] = "person"
            filled["policyholder[lastName]"] = "Петрова"
            filled["policyholder[firstName]"] = "Анна"
            filled["policyholder[sex]"] = "female"
            let saved = try await agent.post("/contracts/new", Example.form(quote: quote, filled))

            // then
            #expect(form.text.contains("value=\"person\" checked"))
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.fieldError("policyholder.lastName") == "Обязательное поле")
            #expect(empty.fieldError("policyholder.documents.passport.series") == "Обязательное поле")
            #expect(saved.status == .seeOther)
            #expect(try await app.contracts().first?.policyholderName == "Петрова Анна Германович")
        }
    }

    @Test("Only those who may issue contracts open the form; the back office operator may not")
    func operatorCannotIssue() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")

            // when
            let page = try await operatorBrowser.get("/contracts/new?quote=\(quote)")
            let post = try await operatorBrowser.post("/contracts/new", Example.form(quote: quote))

            // then
            #expect(page.status == .forbidden)
            #expect(post.status == .forbidden)
            #expect(try await app.contracts().isEmpty)
        }
    }

    @Test("The form's address without a quote leads to the products with a hint; a made-up quote is still 404")
    func formWithoutQuote() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            let bare = try await agent.get("/contracts/new")
            let products = try await agent.get(try #require(bare.location))
            let madeUp = try await agent.get("/contracts/new?quote=\(UUID())")
            let garbage = try await agent.get("/contracts/new?quote=nonsense")

            // then
            #expect(bare.status == .seeOther && bare.location == "/products")
            #expect(products.text.contains("Оформление договора начинается с расчета"))
            #expect(madeUp.status == .notFound && garbage.status == .notFound)
        }
    }
}
