import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// «Мои акты»: accrual at the rate of each payment day, totals to the kopeck, Moscow months, idempotence, the PDF.
@Suite struct CommissionActTests {
    typealias F = CommissionFixtures

    /// October 2026 of agreement 1000002: 12,5 % on product-1 until 15.10, 7,35 % from 16.10, 3 % on product-5.
    static func october(_ app: Application) async throws {
        try await F.setRates(app, "1000002", [("product-1", "12.5", "2026-01-01", "2026-10-15"),
                                             ("product-1", "7.35", "2026-10-16", nil), ("product-5", "3", "2026-01-01", nil)])
        try await F.contract(app, agreement: "1000002", number: "5520000101", paidMinor: 100_000_00, paidAt: "2026-10-01 10:00")
        try await F.contract(app, login: "agent2", agreement: "1000002", number: "5520000102", holder: "Петров Петр Петрович",
                             paidMinor: 333_33, paidAt: "2026-10-15 23:30")
        // 00:30 on 16.10 in Moscow is still 15.10 in UTC: the Moscow day decides the rate.
        try await F.contract(app, agreement: "1000002", number: "5520000103", paidMinor: 1234_57, paidAt: "2026-10-16 00:30")
        try await F.contract(app, agreement: "1000002", product: "product-5", number: "5520000104", paidMinor: 20_000_05,
                             paidAt: "2026-10-20 12:00")
        // not in the act: November in Moscow, September, unpaid, another agreement
        try await F.contract(app, agreement: "1000002", number: "5520000105", paidMinor: 50_000_00, paidAt: "2026-11-01 01:00")
        try await F.contract(app, agreement: "1000002", number: "5520000106", paidMinor: 50_000_00, paidAt: "2026-09-30 23:00")
        try await F.contract(app, agreement: "1000002", number: "5520000107", paidMinor: 50_000_00, paidAt: nil)
        try await F.contract(app, agreement: "1000003", number: "5520000108", paidMinor: 50_000_00, paidAt: "2026-10-10 12:00")
    }

    @Test func accruesTheMonthAtTheRateOfEachPaymentDayToTheKopeck() async throws {
        try await withKabinet { app in
            // given
            try await Self.october(app)
            let operatorBrowser = try await F.browser(app, "operator")
            // when
            let path = try await F.generate(operatorBrowser, month: "2026-10", agreement: "1000002")
            // then
            let act = try #require(try await F.acts(app).first)
            #expect(path == "/acts/\(try act.requireID())")
            #expect(act.status == "generated")
            let lines = try await F.lines(app, act)
            #expect(lines.map(\.contractNumber) == ["5520000101", "5520000102", "5520000103", "5520000104"])
            #expect(lines.map(\.percent) == ["12.5", "12.5", "7.35", "3"])
            #expect(lines.map(\.commissionMinor) == [12_500_00, 41_67, 90_74, 600_00])
            #expect(lines.map(\.paidOn) == ["2026-10-01", "2026-10-15", "2026-10-16", "2026-10-20"])
            let totals = try #require(lines.totals.totals.first)
            #expect(totals.paid.minorUnits == 121_567_95)
            #expect(totals.commission.minorUnits == 13_232_41)
            // and the card shows the same figures
            let card = try await operatorBrowser.get(path)
            #expect(card.status == .ok)
            #expect(card.text.contains("121\u{00A0}567,95"))
            #expect(card.text.contains("13\u{00A0}232,41"))
            #expect(card.text.contains("Петров Петр Петрович"))
        }
    }

    @Test func thePDFCarriesTheActsFigures() async throws {
        try await withKabinet { app in
            // given
            try await Self.october(app)
            let agent = try await F.browser(app, "agent")
            let path = try await F.generate(try await F.browser(app, "operator"), month: "2026-10", agreement: "1000002")
            // when
            let response = try await agent.get(path + "/pdf")
            // then
            #expect(response.status == .ok)
            #expect(response.headers.contentType?.description.hasPrefix("application/pdf") == true)
            let data = Data(buffer: response.body)
            #expect(data.starts(with: Data("%PDF".utf8)))
            guard let text = try await pdfText(data) else { return }
            let flat = text.replacingOccurrences(of: "\u{00A0}", with: " ")
            #expect(flat.contains("1000002"))
            #expect(flat.contains("Октябрь 2026"))
            for figure in ["5520000103", "1 234,57", "7,35 %", "90,74", "121 567,95", "13 232,41"] {
                #expect(flat.contains(figure), "PDF lacks \(figure)")
            }
            // a second download is the same stored file
            let again = try await agent.get(path + "/pdf")
            #expect(Data(buffer: again.body) == data)
        }
    }

    @Test func theXLSXHasTypedFiguresAndTotals() async throws {
        try await withKabinet { app in
            // given
            try await Self.october(app)
            let path = try await F.generate(try await F.browser(app, "operator"), month: "2026-10", agreement: "1000002")
            // when
            let response = try await F.browser(app, "agent").get(path + "/xlsx")
            // then: a ZIP package whose sheet holds the numbers as numbers
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentDisposition)?.contains(".xlsx") == true)
            let data = Data(buffer: response.body)
            #expect(data.starts(with: Data("PK".utf8)))
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("act-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            try data.write(to: directory.appendingPathComponent("act.xlsx"))
            let unzip = "cd '\(directory.path)' && unzip -p act.xlsx xl/worksheets/sheet1.xml > sheet.xml"
            guard try await runProcess(["sh", "-c", unzip]) == 0 else { return }
            let sheet = try String(contentsOf: directory.appendingPathComponent("sheet.xml"), encoding: .utf8)
            for figure in ["5520000103", "1234.57", "90.74", "121567.95", "13232.41"] {
                #expect(sheet.contains(figure), "sheet lacks \(figure)")
            }
        }
    }

    @Test func generatingTwiceMakesOneActAndLaterRateChangesDoNotChangeIt() async throws {
        try await withKabinet { app in
            // given an act of October
            try await Self.october(app)
            let operatorBrowser = try await F.browser(app, "operator")
            let first = try await F.generate(operatorBrowser, month: "2026-10", agreement: "1000002")
            // when the rates change and the act is generated again, for this agreement and for all
            try await F.setRates(app, "1000002", [("product-1", "50", "2026-01-01", nil)])
            let second = try await F.generate(operatorBrowser, month: "2026-10", agreement: "1000002")
            _ = try await F.generate(operatorBrowser, month: "2026-10", agreement: "")
            // then: the same act, the same lines; the other agreement got its own act
            #expect(first == second)
            let acts = try await F.acts(app)
            #expect(acts.map(\.agreementNumber) == ["1000002", "1000003"])
            #expect(try await F.lines(app, acts[0]).map(\.commissionMinor) == [12_500_00, 41_67, 90_74, 600_00])
        }
    }

    @Test func theRecurringJobMakesLastMonthsActsOnce() async throws {
        try await withKabinet { app in
            // given
            try await Self.october(app)
            // when the job runs in November, twice
            let now = F.moscow("2026-11-02 03:00")
            let outcomes = try await CommissionActJob.run(app.db, now: now)
            let again = try await CommissionActJob.run(app.db, now: now.addingTimeInterval(86400))
            // then: October's acts of both agreements with payments, made by the system, once
            #expect(outcomes == [.created, .created])
            #expect(again == [.unchanged, .unchanged])
            let acts = try await F.acts(app)
            #expect(acts.map(\.month) == ["2026-10", "2026-10"])
            #expect(acts.map(\.generatedBy) == ["system", "system"])
            // and it is scheduled daily, first the coming night, so a worker pass right after start-up runs nothing of it
            let schedules = try await RecurringJob.query(on: app.db).filter(\.$kind == CommissionActJob.kind).all()
            #expect(schedules.count == 1)
            #expect(schedules.first?.intervalSeconds == 86400)
            #expect(try #require(schedules.first?.nextRunAt) > Date())
            #expect(try await app.drainJobs() == 0)
        }
    }

    @Test func badGenerateInputIs422AndMakesNothing() async throws {
        try await withKabinet { app in
            let operatorBrowser = try await F.browser(app, "operator")
            for fields in [[("month", "2026-13"), ("agreement", "1000002")], [("month", "2026-10"), ("agreement", "9999999")]] {
                let response = try await operatorBrowser.post("/acts/generate", fields)
                #expect(response.status == .unprocessableEntity)
                #expect(response.text.contains("field-error"))
            }
            #expect(try await F.acts(app).isEmpty)
            // and an agent may not generate at all
            let agent = try await F.browser(app, "agent")
            #expect(try await agent.post("/acts/generate", [("month", "2026-10"), ("agreement", "1000002")]).status == .forbidden)
            #expect(try await F.acts(app).isEmpty)
        }
    }
}
