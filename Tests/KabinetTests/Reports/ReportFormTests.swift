import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

/// «Сформировать отчет» refuses bad input field by field with nothing queued; «Сохранить фильтры» keeps named
/// variants per user; the request list searches, pages and says «Нет данных»; the requester is told under the bell.
@Suite("Report form and list")
struct ReportFormTests {
    typealias R = ReportsTest

    @Test("Bad input: 422 with a message next to each field, and nothing queued")
    func badInput() async throws {
        try await R.withApp { app in
            // given
            let browser = try await R.signedIn(app, as: "agent")
            let cases: [(String, [(String, String)])] = [
                ("from", [("kind", "sales"), ("to", "2024-02-01")]),
                ("to", [("kind", "sales"), ("from", "2024-02-01")]),
                ("from", [("from", "31.02.2024"), ("to", "2024-03-01")]),
                ("to", [("from", "2024-03-01"), ("to", "2024-02-01")]),
                ("kind", R.fields(kind: "acts")),
                ("format", R.fields(format: "pdf")),
                ("basis", R.fields(basis: "signed")),
                ("channel", R.fields([("channel[]", UUID().uuidString)])),
                ("product", R.fields([("product[]", "no-such-product")])),
                ("product_kind", R.fields([("product_kind[]", "pension")])),
                ("office", R.fields([("office[]", "not-an-id")])),
            ]
            for (field, fields) in cases {
                // when
                let response = try await browser.post("/reports", fields)
                // then
                #expect(response.status == .unprocessableEntity, "\(field)")
                #expect(response.text.contains("field-error"), "\(field)")
                #expect(response.text.contains("data-multi=\"\(field)\"") || response.text.contains("name=\"\(field)\""), "\(field)")
            }
            #expect(try await ReportRequest.query(on: app.db).count() == 0)
            #expect(try await Job.query(on: app.db).filter(\.$kind == ReportBuilder.jobKind).count() == 0)
        }
    }

    @Test("«Сохранить фильтры» stores a named variant per user; the same name replaces it; others cannot open it")
    func variants() async throws {
        try await R.withApp { app in
            // given
            let agent = try await R.signedIn(app, as: "agent")
            let fields = R.fields(format: "xlsx", basis: "paid", [("variant_name", "Мой месяц")])
            // when
            let saved = try await agent.post("/reports/variants", fields)
            try await agent.post("/reports/variants", R.fields(format: "csv", [("variant_name", "Мой месяц")]))
            let empty = try await agent.post("/reports/variants", R.fields([("variant_name", "  ")]))
            // then
            #expect(saved.status == .seeOther)
            let variants = try await ReportVariant.query(on: app.db).all()
            #expect(variants.count == 1)
            #expect(variants.first?.decodedInput().format == "csv")
            #expect(empty.status == .unprocessableEntity)
            let id = try variants[0].requireID().uuidString
            let form = try await agent.get("/reports/new?variant=\(id)")
            #expect(form.text.contains("Мой месяц"))
            let other = try await R.signedIn(app, as: "agent2")
            #expect(!(try await other.get("/reports/new?variant=\(id)")).text.contains("Мой месяц"))
            #expect(try await other.post("/reports/variants/\(id)/delete").status == .notFound)
            #expect(try await agent.post("/reports/variants/\(id)/delete").status == .seeOther)
            #expect(try await ReportVariant.query(on: app.db).count() == 0)
        }
    }

    @Test("The list: «Нет данных» when empty, search by number, kind and status, a notification when ready")
    func listAndNotification() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app, 10)
            let agent = try await R.signedIn(app, as: "agent")
            let empty = try await agent.get("/reports")
            let first = try await R.build(agent, R.fields())
            let second = try await R.build(agent, R.fields(kind: "payments"))
            // when
            let all = try await agent.get("/reports")
            let byNumber = try await agent.get("/reports?number=\(first.number)")
            let byKind = try await agent.get("/reports?kind=payments")
            let queued = try await agent.get("/reports?status=queued")
            let bad = try await agent.get("/reports?number=abc&created=yesterday")
            // then
            #expect(empty.text.contains("Нет данных"))
            #expect(empty.text.contains("Запрос доступен к скачиванию в статусе «Обработан»"))
            #expect(all.text.contains("Результатов найдено: 2"))
            #expect(all.text.contains("Обработан"))
            #expect(!all.text.contains("data-report-state"), "nothing moves, nothing polls")
            #expect(byNumber.text.contains("Результатов найдено: 1"))
            #expect(byKind.text.contains("Отчет по оплатам") && byKind.text.contains("Результатов найдено: 1"))
            #expect(queued.text.contains("Нет данных"))
            #expect(bad.status == .unprocessableEntity)
            let notes = try await Notification.query(on: app.db).filter(\.$kind == "report.ready").all()
            #expect(notes.count == 2)
            #expect(notes.allSatisfy { $0.link == "/reports" && $0.$user.id == first.requesterID })
            #expect(second.state == .done)
        }
    }

    @Test("The form offers the seed's variants, lists with «Выбрать все» and the four period dates")
    func formPage() async throws {
        try await R.withApp { app in
            // given
            let agent = try await R.signedIn(app, as: "agent")
            // when
            let page = try await agent.get("/reports/new")
            // then
            #expect(page.status == .ok)
            for text in ["Отчет по продажам", "Отчет по оплатам", "Канал продаж", "Тип продукта", "Продукт", "Офис",
                "Оператор", "Выбрать все", "Дата оформления", "Дата начала действия", "Дата окончания действия",
                "Перевод в статус «Оплачен»", "Сохранить фильтры", "Сбросить все фильтры", "Сформировать отчет"]
            {
                #expect(page.text.contains(text), "\(text)")
            }
        }
    }
}
