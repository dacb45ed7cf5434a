import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Products: «Расчет по продукту» through the page")
struct CalculatorPageTests {
    typealias Seed = SeedExample

    @Test("The seed example gives the seed's figures, per risk and in total")
    func seedExample() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            let page = try await agent.post("/products/product-1/calculate", Seed.form())

            // then
            #expect(page.status == .ok)
            #expect(page.text.contains("Результат расчета (котировка)"))
            #expect(page.cell("sum-survival") == Seed.rub("603 566,62"))
            #expect(page.cell("premium-survival") == Seed.rub("99 482,30"))
            for risk in ["assistance", "accidentDeath", "accidentDisability", "accidentInjury"] {
                #expect(page.cell("sum-\(risk)") == Seed.rub("49 881,54"), "\(risk)")
            }
            #expect(page.cell("premium-assistance") == Seed.rub("195,34"))
            #expect(page.cell("premium-accidentDeath") == Seed.rub("85,44"))
            #expect(page.cell("premium-accidentDisability") == Seed.rub("15,95"))
            #expect(page.cell("premium-accidentInjury") == Seed.rub("220,97"))
            #expect(page.text.contains("Разовый взнос (Ежегодно)"))
            #expect(page.cell("per-payment") == Seed.rub("100 000,00"))
            #expect(page.text.contains("Итого взнос за год"))
            #expect(page.cell("per-year") == Seed.rub("100 000,00"))
            #expect(page.cell("quote-insured") == "Застрахованный: Иванов Юрий Германович \(Seed.birth.russian) Мужской")
            // Everything typed is kept, and the next steps are offered.
            #expect(page.text.contains("value=\"100 000\"") && page.text.contains("value=\"Германович\""))
            #expect(page.text.contains("Пересчитать") && page.text.contains("Оформить"))
            #expect(try await SavedQuote.query(on: app.db).count() == 0)
        }
    }

    @Test("The empty form starts at the earliest date, first frequency and term, mandatory risks locked")
    func defaults() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")

            let page = try await agent.get("/products/product-1")

            #expect(page.status == .ok)
            #expect(page.text.contains("Расчет по продукту — Продукт 1"))
            #expect(page.text.contains("value=\"\(Seed.start.russian)\""))
            #expect(page.text.contains("<option value=\"annual\" data-hint=\"от 30\u{00A0}000\u{00A0}₽ до 3\u{00A0}000\u{00A0}000\u{00A0}₽ за один платеж\" selected>Ежегодно</option>"))
            #expect(page.text.contains("<option value=\"5\" selected>5 лет</option>"))
            #expect(page.text.contains("Российский рубль"))
            for risk in Seed.mandatoryRisks {
                #expect(page.text.contains("checked disabled data-risk=\"\(risk)\"><input type=\"hidden\" name=\"risks[]\" value=\"\(risk)\">"), "\(risk)")
            }
            #expect(page.text.contains("name=\"risks[]\" value=\"accidentInjury\" data-risk=\"accidentInjury\" checked"))
            // Only the agent's own agency's agreements are offered.
            #expect(page.text.contains("1000002") && page.text.contains("1000003") && !page.text.contains("2000001"))
            #expect(page.text.contains("Рассчитать") && !page.text.contains("data-testid=\"save\""))
        }
    }

    @Test("Switching an optional risk off changes the figures; the payment stays the same")
    func optionalRiskOff() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")

            let page = try await agent.post("/products/product-1/calculate",
                Seed.form(risks: Seed.allRisks.filter { $0 != "accidentInjury" }))

            #expect(page.status == .ok)
            #expect(page.cell("premium-survival") == Seed.rub("99 703,27"))
            #expect(page.cell("premium-accidentInjury") == nil)
            #expect(page.cell("per-payment") == Seed.rub("100 000,00"))
            #expect(page.text.contains("name=\"risks[]\" value=\"accidentInjury\" data-risk=\"accidentInjury\" >"))
        }
    }

    @Test("Calculating from the sum insured gives back the seed's payment")
    func reverseBasis() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")

            let page = try await agent.post("/products/product-1/calculate",
                Seed.form(["basis": "sumInsured", "sumInsured": "603 566,62", "premium": ""]))

            #expect(page.status == .ok)
            #expect(page.cell("sum-survival") == Seed.rub("603 566,62"))
            #expect(page.cell("per-payment") == Seed.rub("100 000,00"))
        }
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var overrides: [String: String]
        var risks: [String] = SeedExample.allRisks
        var field: String
        var message: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "premium below the limit", overrides: ["premium": "1 000"], field: "premium",
            message: "Взнос должен быть от 30\u{00A0}000\u{00A0}₽ до 3\u{00A0}000\u{00A0}000\u{00A0}₽"),
        BadInput(name: "premium not a number", overrides: ["premium": "сто"], field: "premium",
            message: "Сумма должна состоять из цифр, например 100 000 или 100000,50"),
        BadInput(name: "insured too young", overrides: ["birthDate": SeedExample.today.adding(years: -10).russian],
            field: "birthDate", message: "Возраст Застрахованного на дату начала — 10; допустимо от 18 до 65 лет"),
        BadInput(name: "start date in the past", overrides: ["startDate": SeedExample.today.adding(days: -1).russian],
            field: "startDate", message: "Дата начала должна быть с \(SeedExample.start.russian) по \(SeedExample.today.adding(days: 30).russian)"),
        BadInput(name: "start date not a date", overrides: ["startDate": "31.02.2025"], field: "startDate",
            message: "Укажите дату в формате ДД.ММ.ГГГГ"),
        BadInput(name: "unknown frequency", overrides: ["frequency": "weekly"], field: "frequency",
            message: "Неизвестная периодичность оплаты"),
        BadInput(name: "frequency the product does not offer", overrides: ["frequency": "single"], field: "frequency",
            message: "Для продукта доступна периодичность: Ежегодно, Раз в полгода, Ежеквартально, Ежемесячно"),
        BadInput(name: "term the product does not offer", overrides: ["term": "6"], field: "term",
            message: "Срок 6 лет недоступен; доступные сроки: 5, 7, 10, 15"),
        BadInput(name: "term not a number", overrides: ["term": "пять"], field: "term", message: "Укажите срок в целых годах"),
        BadInput(name: "mandatory risk switched off", overrides: [:], risks: ["survival", "assistance"], field: "risks",
            message: "Риск «Смерть Застрахованного в результате несчастного случая» обязателен и не может быть отключен"),
        BadInput(name: "sex missing", overrides: ["sex": ""], field: "sex", message: "Укажите пол"),
    ]

    @Test("Each bad input gets 422 and its message next to the field, and no result", arguments: badInputs)
    func badInput(_ bad: BadInput) async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            let page = try await agent.post("/products/product-1/calculate", Seed.form(bad.overrides, risks: bad.risks))

            // then
            #expect(page.status == .unprocessableEntity)
            #expect(page.fieldError(bad.field) == bad.message)
            #expect(!page.text.contains("data-testid=\"quote-table\""))
            #expect(page.text.contains("Проверьте заполнение полей."))
        }
    }

    @Test("The English interface shows the messages and amounts in English")
    func englishMessages() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            agent.setCookie(Request.localeCookie, "en")

            let bad = try await agent.post("/products/product-1/calculate", Seed.form(["premium": "1 000"]))
            let good = try await agent.post("/products/product-1/calculate", Seed.form())

            #expect(bad.fieldError("premium") == "The premium must be between ₽30,000.00 and ₽3,000,000.00")
            #expect(good.cell("sum-survival") == "₽603,566.62")
            #expect(good.text.contains("Payment (Annually)"))
        }
    }

    @Test("An unknown product is 404; a user without the products section is refused")
    func unknownProduct() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")

            #expect(try await agent.get("/products/no-such-product").status == .notFound)
            #expect(try await agent.post("/products/no-such-product/calculate", Seed.form()).status == .notFound)
            let anonymous = Browser(app)
            let redirected = try await anonymous.get("/products/product-1")
            #expect(redirected.status == .seeOther || redirected.status == .found)
        }
    }
}
