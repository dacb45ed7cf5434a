import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// Every filter of «Список договоров» picks exactly the right contracts (seen by the operator, who sees all).
@Suite("Contract list filters")
struct ContractListFilterTests {
    typealias F = ContractListFixture

    @Test("Each single filter, and a combination of three, picks exactly the expected contracts")
    func eachFilter() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let client = try await APIClient.signedIn(app, as: "operator")
            let agent2 = try await app.user("agent2").requireID().uuidString
            let agent = try await app.user("agent")
            let northHead = try #require(agent.$office.id).uuidString
            let tverskaya = try #require(try await app.user("agent2").$office.id).uuidString
            let cases: [(String, Set<String>)] = [
                ("", F.all),
                ("number=552000000", F.numbers(1, 2, 3, 4, 5, 6, 7)),
                ("number=5520000003", F.numbers(3)),
                ("number=" + "55 1".queryEncoded, F.numbers(8)),
                ("operator=\(agent2)", F.numbers(3, 4)),
                ("paid=yes", F.numbers(1, 4, 5, 7, 8)),
                ("paid=no", F.numbers(2, 3, 6)),
                ("product=product-1", F.numbers(1, 3, 5, 7)),
                ("status=signed", F.numbers(3, 7)),
                ("status=erroneous", F.numbers(4)),
                ("work=yes", F.numbers(2, 7)),
                ("work=no", F.numbers(1, 3, 4, 5, 6, 8)),
                ("erroneous=yes", F.numbers(4)),
                ("erroneous=no", F.numbers(1, 2, 3, 5, 6, 7, 8)),
                ("office=\(northHead)", F.numbers(1, 2, 7, 8)),
                ("office=\(tverskaya)", F.numbers(3, 4)),
                ("period=day", F.numbers(1)),
                ("period=week", F.numbers(1, 2, 5, 7)),
                ("period=month", F.numbers(1, 2, 3, 5, 7)),
                ("status=accepted&paid=yes&product=product-1", F.numbers(1, 5)),
            ]
            for (query, expected) in cases {
                // when
                let found = try await client.contractNumbers(query)
                // then
                #expect(found == expected, "\(query)")
            }
        }
    }

    @Test("«ФИО» finds by the beginning of the surname in any case, «ё» and «е» alike")
    func nameSearch() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let client = try await APIClient.signedIn(app, as: "operator")
            let cases: [(String, Set<String>)] = [
                ("семен", F.numbers(1, 3, 5)),
                ("СЕМЁН", F.numbers(1, 3, 5)),
                ("Семёнова", F.numbers(3)),
                ("сем", F.numbers(1, 3, 5)),
                ("ёлк", F.numbers(8)),
                ("елкин федор", F.numbers(8)),
                ("иванов", F.numbers(2, 7)),
                ("  Иванов,  Юрий ", F.numbers(7)),
                ("ivanov", []),
                ("семенов олег", F.numbers(5)),
            ]
            for (typed, expected) in cases {
                // when
                let found = try await client.contractNumbers("name=" + typed.queryEncoded)
                // then
                #expect(found == expected, "«\(typed)»")
            }
        }
    }

    @Test("A period from one day to another counts whole Moscow days, both included; the page also takes ДД.ММ.ГГГГ")
    func periodRange() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let client = try await APIClient.signedIn(app, as: "operator")
            let today = CalendarDate(Date(), timeZone: MoscowTime.zone)
            // when
            let hundred = try await client.contractNumbers("from=\(today.adding(days: -100).iso)&to=\(today.adding(days: -100).iso)")
            let russianDates = try await client.contractNumbers("from=\(today.adding(days: -31).iso)&to=\(today.adding(days: -20).iso)")
            let browser = Browser(app)
            try await browser.login("operator")
            let typed = try await browser.get("/contracts?from=\(today.adding(days: -31).russian)&to=\(today.adding(days: -20).russian)")
            let refused = try await client.get("/api/v1/contracts?from=\(today.russian)")
            let openEnded = try await client.contractNumbers("from=\(today.adding(days: -3).iso)")
            let upTo = try await client.contractNumbers("to=\(today.adding(days: -100).iso)")
            // then
            #expect(hundred == F.numbers(4))
            #expect(russianDates == F.numbers(3, 8))
            #expect(typed.text.contains("Результатов найдено: 2") && typed.text.contains("5510000008"))
            #expect(refused.status == .unprocessableEntity && refused.fieldErrors["from"] != nil)
            #expect(openEnded == F.numbers(1, 2, 5))
            #expect(upTo == F.numbers(4, 6))
        }
    }

    @Test("Refused filters answer 422 with a message next to each field, on the page and in the API")
    func badInput() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let browser = Browser(app)
            try await browser.login("agent")
            let client = try await APIClient.signedIn(app, as: "agent")
            let stranger = try await app.user("agent3").requireID().uuidString
            // when
            let page = try await browser.get("/contracts?from=2024-13-45&to=31.02.2024&number=abc&paid=maybe&status=lost")
            let order = try await client.get("/api/v1/contracts?from=2024-03-02&to=2024-03-01")
            let foreign = try await client.get("/api/v1/contracts?operator=\(stranger)")
            let product = try await client.get("/api/v1/contracts?product=no-such-product")
            // then
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Введите дату в формате ДД.ММ.ГГГГ"))
            #expect(page.text.contains("Номер договора состоит из цифр"))
            #expect(page.text.contains("Выберите значение из списка"))
            #expect(!page.text.contains("data-testid=\"contract-link\""))
            #expect(order.status == .unprocessableEntity && order.isProblem)
            #expect(order.fieldErrors["to"] == "Дата «по» не может быть раньше даты «с»")
            #expect(foreign.status == .unprocessableEntity && foreign.fieldErrors["operator"] != nil)
            #expect(product.status == .unprocessableEntity && product.fieldErrors["product"] != nil)
        }
    }

    @Test("The page shows the seed's filters, «Результатов найдено: N» and the columns")
    func page() async throws {
        try await withKabinet { app in
            // given
            try await F.insert(app)
            let browser = Browser(app)
            try await browser.login("operator")
            // when
            let page = try await browser.get("/contracts?name=" + "семен".queryEncoded)
            // then
            #expect(page.status == .ok)
            for text in ["Список договоров", "ФИО", "Номер договора", "Оператор", "Оплачен", "Продукт", "Статус договора",
                "Требуется работы по договору", "Ошибочный", "Офис", "Период оформления", "за день", "за неделю", "за месяц",
                "сбросить", "Поиск", "Результатов найдено: 3", "ФИО страхователя", "Название продукта", "Дата оформления",
                "Статус оплаты", "Необходимые работы", "Выгрузить в CSV", "Только мои", "Семёнов Иван Петрович", "Принят СК"]
            {
                #expect(page.text.contains(text), "\(text)")
            }
            #expect(page.text.components(separatedBy: "data-testid=\"contract-link\"").count - 1 == 3)
            #expect(!page.text.contains("Иванова Анна"))
        }
    }
}
