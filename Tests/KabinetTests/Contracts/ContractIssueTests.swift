import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Contracts: «Оформить» continues from the quote to the contract form, «Сохранить» issues a numbered draft")
struct ContractIssueTests {
    typealias Example = ContractExample

    @Test("The quote page offers «Оформить договор»; the form opens with the insured as priced")
    func formPrefilledFromQuote() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let quotePage = try await agent.get("/quotes/\(quote)")
            let form = try await agent.get("/contracts/new?quote=\(quote)")

            // then
            #expect(quotePage.text.contains("/contracts/new?quote=\(quote)"))
            #expect(quotePage.text.contains("Оформить договор"))
            #expect(form.status == .ok)
            #expect(form.text.contains("Новый договор (Продукт 1)"))
            #expect(form.text.contains("value=\"Иванов\""))
            #expect(form.text.contains("value=\"Юрий\""))
            #expect(form.text.contains("value=\"\(SeedExample.birth.russian)\""))
            for label in ["Застрахованные", "Страхователь", "Выгодоприобретатели", "Место рождения", "Гражданство", "ПДЛ",
                          "Паспорт гражданина РФ", "Код подразделения", "Кем выдан документ", "Иностранный паспорт",
                          "Миграционная карта", "Вид на жительство", "Разрешение на временное проживание в РФ",
                          "Является налогоплательщиком США?", "Мобильный телефон", "Домашний телефон",
                          "Город, улица, дом, квартира", "Индекс", "Фактический адрес совпадает с адресом регистрации",
                          "Выбрать страхователя из текущих застрахованных", "Добавить +", "Назад", "Сохранить"] {
                #expect(form.text.contains(label), "missing \(label)")
            }
        }
    }

    @Test("«Сохранить» takes the first number of the agreement's range: «Проект», «Не оплачен», history, audit")
    func saveIssuesNumberedDraft() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            let path = try await Example.issue(agent)
            let card = try await agent.get(path)

            // then
            let contract = try await app.contract(path)
            #expect(contract.number == "5520100000")
            #expect(contract.status == "draft" && contract.paymentStatus == "unpaid")
            #expect(contract.policyholderName == "Иванов Юрий Германович")
            #expect(contract.policyholderSearch == "иванов юрий германович")
            #expect(contract.insuredCount == 1)
            #expect(contract.premiumMinor == 10_000_000 && contract.currency == "RUB")
            #expect(contract.sumInsuredMinor == 60_356_662)
            #expect(contract.productCode == "product-1" && contract.productName == "Продукт 1")
            #expect(contract.ownerID == (try await app.user("agent").requireID()))
            #expect(try contract.decodedData().draft.insured[0].contacts.mobile == "+7 (900) 100-01-01")
            #expect(try await app.takenNumbers(agreement: "1000002") == 1)
            #expect(card.status == .ok)
            #expect(card.text.contains("Договор сохранен"))
            #expect(card.cell("contract-number") == "5520100000")
            #expect(card.cell("card-status") == "Проект")
            #expect(card.cell("card-payment") == "Не оплачен")
            #expect(card.cell("card-name") == "Иванов Юрий Германович")
            #expect(card.cell("card-office") == "ГО")
            #expect(card.cell("card-channel") == "DSF")
            #expect(card.cell("card-premium") == SeedExample.rub("100 000,00"))
            #expect(card.cell("card-sum") == SeedExample.rub("603 566,62"))
            #expect(card.cell("card-frequency") == "Ежегодно")
            #expect(card.cell("card-insured") == "1")
            #expect(card.cell("card-back-office") == "Ожидает подтверждения")
            #expect(card.cell("card-period") == "\(SeedExample.start.russian) - \(SeedExample.start.adding(years: 5).adding(days: -1).russian)")
            #expect(card.text.contains("Редактировать"))
            #expect(try await ContractHistoryEntry.query(on: app.db).count() == 1)
            #expect(try await app.auditEntries("contract.created").count == 1)
        }
    }

    @Test("In English the form and the card show English texts and no raw keys")
    func english() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)
            agent.setCookie(Request.localeCookie, "en")

            // when
            let form = try await agent.get("/contracts/new?quote=\(quote)")
            let invalid = try await agent.post("/contracts/new", Example.form(quote: quote, ["insured[0][contacts][email]": "x"]))
            let path = try await agent.post("/contracts/new", Example.form(quote: quote)).location ?? ""
            let card = try await agent.get(path)

            // then
            #expect(form.text.contains("Insured persons") && form.text.contains("Russian passport"))
            #expect(invalid.fieldError("insured[0].contacts.email") == "Check the e-mail address, e.g. name@mail.ru")
            #expect(card.cell("card-status") == "Draft")
            for page in [form, invalid, card] {
                #expect(!page.text.contains(">contracts.") && !page.text.contains(">contract."), "a raw key is shown")
            }
        }
    }
}
