import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Contracts: БСО numbers are taken atomically from the agreement's ranges; a shortage is visible and announced")
struct ContractNumberingTests {
    typealias Example = ContractExample

    /// The demo range of agreement 1000002 and «Продукт 1» with `taken` numbers already used.
    static func use(_ app: Application, taken: Int, agreement: String = "1000002") async throws {
        let range = try #require(try await BlankRangeRecord.query(on: app.db)
            .filter(\.$agreementID == app.agreementID(agreement)).filter(\.$productCode == "product-1").first())
        range.nextOffset = taken
        try await range.save(on: app.db)
    }

    static func notifications(_ app: Application, kind: String) async throws -> [Kabinet.Notification] {
        try await Kabinet.Notification.query(on: app.db).filter(\.$kind == kind).all()
    }

    @Test("Twenty concurrent takes get twenty different numbers, in order, from the one range")
    func concurrentTakesNeverCollide() async throws {
        try await withKabinet { app in
            // given
            let agreement = try await app.agreementID("1000002")

            // when
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await BlankNumbering.take(agreementID: agreement, productCode: "product-1", on: app.db) }
                }
                var taken: [String] = []
                for try await number in group { taken.append(try #require(number)) }
                return taken
            }

            // then
            #expect(Set(numbers).count == 20)
            #expect(numbers.sorted() == (0..<20).map { "55201" + String(format: "%05d", $0) })
            #expect(try await app.takenNumbers(agreement: "1000002") == 20)
        }
    }

    @Test("When a range is used up the next one of the same agreement and product continues; then none is left")
    func rangesInOrderThenNone() async throws {
        try await withKabinet { app in
            // given: the demo range used up but one number, and a second range of two numbers
            let agreement = try await app.agreementID("1000002")
            try await Self.use(app, taken: 999)
            try await BlankRangeRecord(agreementID: agreement, productCode: "product-1", first: "7700000001",
                                       last: "7700000002", createdBy: "test").create(on: app.db)

            // when
            var numbers: [String?] = []
            for _ in 0..<4 { numbers.append(try await BlankNumbering.take(agreementID: agreement, productCode: "product-1", on: app.db)) }

            // then
            #expect(numbers == ["5520100999", "7700000001", "7700000002", nil])
        }
    }

    @Test("No free number: the agent reads what happened and what to do, nothing is saved, administrators are told once")
    func exhaustedRange() async throws {
        try await withKabinet { app in
            // given
            try await Self.use(app, taken: 1000)
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let first = try await agent.post("/contracts/new", Example.form(quote: quote))
            let second = try await agent.post("/contracts/new", Example.form(quote: quote))
            let admin = Browser(app)
            try await admin.login("admin")
            let page = try await admin.get("/admin/blanks?state=exhausted")

            // then
            #expect(first.status == .conflict)
            #expect(first.text.contains("Не удалось сгенерировать номер свободного БСО"))
            #expect(first.text.contains("закончились номера по агентскому договору 1000002 и продукту Продукт 1"))
            #expect(first.text.contains("Обратитесь к администратору"))
            #expect(first.text.contains("value=\"yug@mail.ru\""))
            #expect(second.status == .conflict)
            #expect(try await app.contracts().isEmpty)
            let notices = try await Self.notifications(app, kind: "blanks.exhausted")
            #expect(notices.count == 1)
            #expect(notices.first?.arguments.prefix(2) == ["1000002", "Продукт 1"])
            #expect(notices.first?.$user.id == (try await app.user("admin").requireID()))
            #expect(page.status == .ok)
            #expect(page.text.contains("data-agreement=\"1000002\" data-product=\"product-1\" data-supply=\"exhausted\""))
            #expect(page.text.contains("закончились"))
            #expect(!page.text.contains("data-product=\"product-2\""))
        }
    }

    @Test("Taking the number that makes the stock low tells administrators once, with how many are left")
    func runningLowNotifiesOnce() async throws {
        try await withKabinet { app in
            // given: 100 of 1000 left — the next number makes it 99, under the 10 % rule
            try await Self.use(app, taken: 900)
            let agent = Browser(app)
            try await agent.login("agent")

            // when
            _ = try await Example.issue(agent)
            _ = try await Example.issue(agent)
            let admin = Browser(app)
            try await admin.login("admin")
            let bell = try await admin.get("/notifications")
            let page = try await admin.get("/admin/blanks?state=low")

            // then
            let notices = try await Self.notifications(app, kind: "blanks.low")
            #expect(notices.count == 1)
            #expect(notices.first?.arguments == ["1000002", "Продукт 1", "99", "1000"])
            #expect(bell.text.contains("Заканчиваются номера БСО"))
            #expect(bell.text.contains("Агентский договор 1000002, Продукт 1: осталось 99 из 1000"))
            #expect(page.text.contains("data-supply=\"low\""))
            #expect(page.text.contains("заканчиваются"))
        }
    }

    @Test("The administrator loads a range «с – по»: order, length, digits and overlaps are checked; then agents issue again")
    func loadRange() async throws {
        try await withKabinet { app in
            // given
            try await Self.use(app, taken: 1000)
            let admin = Browser(app)
            try await admin.login("admin")
            let range = { (first: String, last: String) in
                [("agreementNumber", "1000002"), ("productCode", "product-1"), ("first", first), ("last", last)]
            }

            // when
            let reversed = try await admin.post("/admin/blanks", range("5529000999", "5529000000"))
            let lengths = try await admin.post("/admin/blanks", range("552900000", "5529000999"))
            let letters = try await admin.post("/admin/blanks", range("55290000AB", "5529000999"))
            let overlap = try await admin.post("/admin/blanks", range("5520100500", "5520101500"))
            let unknown = try await admin.post("/admin/blanks", [("agreementNumber", "9999999"), ("productCode", "product-1"),
                                                                 ("first", "5529000000"), ("last", "5529000999")])
            let rangesBefore = try await BlankRangeRecord.query(on: app.db).count()
            let loaded = try await admin.post("/admin/blanks", range("5529000000", "5529000999"))
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await Example.issue(agent)

            // then
            #expect(reversed.status == .unprocessableEntity)
            #expect(reversed.fieldError("last") == "Первый номер не может быть больше последнего")
            #expect(lengths.fieldError("last") == "Первый и последний номера должны быть одной длины")
            #expect(letters.fieldError("first") == "Номер БСО — от 6 до 18 цифр")
            #expect(overlap.fieldError("first")
                == "Диапазон пересекается с 5520100000–5520100999 (агентский договор 1000002, продукт product-1)")
            #expect(unknown.fieldError("agreementNumber") == "Агентский договор 9999999 не найден")
            #expect(loaded.status == .seeOther)
            #expect(try await BlankRangeRecord.query(on: app.db).count() == rangesBefore + 1)
            #expect(try await app.auditEntries("blanks.loaded").count == 1)
            #expect(try await app.contract(path).number == "5529000000")
        }
    }

    @Test("Only administrators open the БСО page; the start page of administration has its tile")
    func onlyAdministrators() async throws {
        try await withKabinet { app in
            // given
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            let partner = Browser(app)
            try await partner.login("partner")
            let admin = Browser(app)
            try await admin.login("admin")

            // when
            let byOperator = try await operatorBrowser.get("/admin/blanks")
            let byPartner = try await partner.post("/admin/blanks", [("agreementNumber", "1000002"), ("productCode", "product-1"),
                                                                     ("first", "5529000000"), ("last", "5529000999")])
            let home = try await admin.get("/admin")
            let page = try await admin.get("/admin/blanks")

            // then
            #expect(byOperator.status == .forbidden)
            #expect(byPartner.status == .forbidden)
            #expect(home.text.contains("/admin/blanks"))
            #expect(page.status == .ok)
            #expect(page.text.contains("5520100000–5520100999"))
        }
    }
}
