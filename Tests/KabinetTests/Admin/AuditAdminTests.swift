import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Administration: audit trail")
struct AuditAdminTests {
    @Test("Filtering by action shows only that action's entries, newest first, with before/after to expand")
    func filterByAction() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            try await admin.post("/admin/groups", [("name", "Первая группа")])
            try await admin.post("/admin/groups", [("name", "Вторая группа")])

            // when
            let page = try await admin.get("/admin/audit?action=group.created")

            // then
            #expect(page.status == .ok)
            let rows = page.text.components(separatedBy: "<code>group.created</code>").count - 1
            #expect(rows == 2)
            #expect(!page.text.contains("<code>auth.login</code>"), "other actions are filtered out")
            #expect(page.text.contains("Результатов найдено: 2"))
            let second = try #require(page.text.range(of: "Вторая группа"))
            let first = try #require(page.text.range(of: "Первая группа"))
            #expect(second.lowerBound < first.lowerBound, "newest first")
            #expect(page.text.contains("<details>"), "each change expands to its before/after")
            #expect(page.text.contains("<option value=\"group.created\" selected>"))
        }
    }

    @Test("Filtering by actor, record and period")
    func otherFilters() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            try await admin.post("/admin/groups", [("name", "Группа аудита")])
            let group = try #require(try await AccessGroup.query(on: app.db).filter(\.$name == "Группа аудита").first())
            let today = MoscowTime.date(Date()).split(separator: ".").reversed().joined(separator: "-")

            // when
            let byActor = try await admin.get("/admin/audit?actor=demo")
            let byRecord = try await admin.get("/admin/audit?entity=access_group&entityID=\(group.id!.uuidString)")
            let byToday = try await admin.get("/admin/audit?from=\(today)&to=\(today)&action=group.created")
            let byPast = try await admin.get("/admin/audit?from=2000-01-01&to=2000-01-31")

            // then
            #expect(byActor.text.contains("demo.loaded") && !byActor.text.contains("<code>group.created</code>"))
            #expect(byRecord.text.contains("Группа аудита") && byRecord.text.contains("Результатов найдено: 1"))
            #expect(byToday.text.contains("Результатов найдено: 1"))
            #expect(byPast.text.contains("Нет данных"))
        }
    }
}
