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

    @Test("«Выгрузить в CSV» gives every entry the filters find, newest first, with the values before and after; the export is audited")
    func export() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            try await admin.post("/admin/groups", [("name", "Первая группа")])
            try await admin.post("/admin/groups", [("name", "Вторая группа")])
            #expect(try await admin.get("/admin/audit?action=group.created").text
                .contains("href=\"/admin/audit/export.csv?action=group.created\""))

            // when
            let lines = csvLines(try await admin.get("/admin/audit/export.csv?action=group.created"))

            // then
            #expect(lines.first == "Время;Кто;Действие;Объект;Идентификатор объекта;Описание;IP-адрес;До;После")
            #expect(lines.count == 3)
            #expect(lines[1].contains(";admin;group.created;") && lines[1].contains("Вторая группа"))
            #expect(lines[2].contains("Первая группа"))
            #expect(try await app.auditEntries("audit.exported").count == 1)
        }
    }

    @Test("The export walks entries of the same instant chunk by chunk without repeating or skipping one, in the page's order")
    func exportChunks() async throws {
        try await withKabinet { app in
            // given 23 entries written at one instant (a bulk change) among the rest
            let instant = Date()
            for index in 0..<23 {
                let entry = AuditEntry()
                entry.at = instant
                entry.actorLogin = "system"
                entry.action = "test.bulk"
                entry.entityType = "test"
                entry.summary = "Запись \(index)"
                try await entry.create(on: app.db)
            }
            let query = try await AuditTrailQuery.make(AuditTrailQuery.Filter(), on: app.db)

            // when
            var walked: [UUID] = []
            try await query.forEachChunk(size: 5) { walked += $0.map(\.id) }

            // then
            let paged = try await query.rows(Paging(page: 1, size: 200)).map(\.id)
            #expect(walked == paged)
            let stored = try await AuditEntry.query(on: app.db).count()
            #expect(Set(walked).count == walked.count && walked.count == stored)
        }
    }

    @Test("Only administrators export the trail", arguments: ["agent", "operator", "head"])
    func exportIsForAdministrators(_ login: String) async throws {
        try await withKabinet { app in
            let user = Browser(app)
            try await user.login(login)
            let response = try await user.get("/admin/audit/export.csv")
            #expect(response.status == .forbidden && response.headers.contentType?.subType != "csv")
            #expect(try await app.auditEntries("audit.exported").isEmpty)
        }
    }

    @Test("Every kind of record the code writes into the trail has a name in both languages")
    func everyEntityIsNamed() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/Kabinet")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var entities: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /entity: "([a-z_]+)"/) { entities.insert(String(match.output.1)) }
        }
        #expect(entities.count > 10 && entities.contains("contract"))
        let localization = try Localization(directory: BundledResources.root + "Localization")
        for entity in entities.sorted() {
            for language in ["ru", "en"] {
                let key = "audit.entity.\(entity)"
                #expect(localization.text(key, locale: language) != key, "\(key) in \(language)")
            }
        }
    }
}
