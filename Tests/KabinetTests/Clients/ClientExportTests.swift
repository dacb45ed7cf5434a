import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Clients: «Выгрузить в CSV» of the search")
struct ClientExportTests {
    typealias Example = ClientExample

    @Test("The whole search, every page, in the list's order with the table's columns and the client's status")
    func wholeSearch() async throws {
        try await withKabinet { app in
            // given the three clients of the search tests and 27 more: two pages
            let agent = try await ClientSearchTests.twoPages(app)
            let page = try await agent.get("/clients")
            #expect(page.text.contains("href=\"/clients/export.csv\"") && page.text.contains("Выгрузить в CSV"))

            // when everything is exported
            let lines = csvLines(try await agent.get("/clients/export.csv"))

            // then every client is there once, by name, with the list's columns
            #expect(lines.first == "ФИО;Дата рождения;Телефон;Комментарий;Э-Почта;Статус")
            #expect(lines.count == 31)
            #expect(Set(lines.dropFirst()).count == 30)
            #expect(lines[1].hasPrefix("Булгаков Сергей Александрович;"))
            // (a phone starts with «+», which a spreadsheet would take for a formula: it gets the export's apostrophe)
            #expect(lines.contains("Гевердава Вера Сергеевна;07.05.1979;'+7 (910) 937-03-41;Комментарий;vgezerdava@mail.ru;Потенциальный"))
            #expect(try await app.auditEntries("client.list.exported").count == 1)
        }
    }

    @Test("The search's filters carry over to the export; a search that finds nobody offers no export")
    func filtered() async throws {
        try await withKabinet { app in
            let agent = try await ClientSearchTests.base(app)
            let page = try await agent.get("/clients?name=%D1%81%D0%B5%D1%80%D0%B3")
            #expect(page.text.contains("href=\"/clients/export.csv?name=%D1%81%D0%B5%D1%80%D0%B3\""))
            let lines = csvLines(try await agent.get("/clients/export.csv?name=%D1%81%D0%B5%D1%80%D0%B3"))
            #expect(lines.dropFirst().map { String($0.prefix(while: { $0 != " " })) } == ["Булгаков", "Гевердава"])
            #expect(csvLines(try await agent.get("/clients/export.csv?phone=937-03")).count == 2)
            #expect(!(try await agent.get("/clients?name=%D0%B8%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2").text.contains("clients-export")))
        }
    }

    @Test("Another agent's export holds none of these clients; without a session the export is not given")
    func othersSeeNothing() async throws {
        try await withKabinet { app in
            _ = try await ClientSearchTests.base(app)
            let colleague = try await Example.logged(app, "agent2")
            let lines = csvLines(try await colleague.get("/clients/export.csv"))
            #expect(!lines.contains { $0.contains("Гевердава") || $0.contains("Булгаков") || $0.contains("Семёнов") })
            let anonymous = try await Browser(app).get("/clients/export.csv")
            #expect(anonymous.status != .ok && !anonymous.text.contains("Гевердава"))
        }
    }
}
