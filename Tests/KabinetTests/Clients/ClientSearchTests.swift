import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Clients: search by «Фамилия / Имя / Отчество» and «Телефон», pages")
struct ClientSearchTests {
    typealias Example = ClientExample

    /// Three clients of `agent`: Гевердава Вера Сергеевна with a confirmed phone, Булгаков, Семёнов.
    static func base(_ app: Application) async throws -> Browser {
        let agent = try await Example.logged(app, "agent")
        _ = try await Example.addWithPhone(agent, app, [
            "lastName": "Гевердава", "firstName": "Вера", "middleName": "Сергеевна", "birthDate": "07.05.1979",
            "email": "vgezerdava@mail.ru", "phone": "+7 (910) 937-03-41", "comment": "Комментарий"])
        _ = try await Example.add(agent, ["lastName": "Булгаков", "firstName": "Сергей", "middleName": "Александрович",
                                          "email": "bulgakov@vsk.ru"])
        _ = try await Example.add(agent, ["lastName": "Семёнов", "firstName": "Пётр", "middleName": "Ильич"])
        return agent
    }

    /// The base and 27 more clients («Клиентов Номер а…вич»): 30 in all, two pages.
    static func twoPages(_ app: Application) async throws -> Browser {
        let agent = try await base(app)
        for index in 0..<27 {
            _ = try await Example.add(agent, ["lastName": "Клиентов", "firstName": "Номер",
                                              "middleName": String(repeating: "а", count: index + 1) + "вич"])
        }
        return agent
    }

    static func names(_ page: TestingHTTPResponse) -> [String] {
        ["Гевердава", "Булгаков", "Семёнов"].filter { page.text.contains($0) }
    }

    @Test("Partial name in any case, any part, ё = е", arguments: [
        ("гевер", ["Гевердава"]), ("ГЕВЕРДАВА", ["Гевердава"]), ("вера", ["Гевердава"]), ("сергеевна гев", ["Гевердава"]),
        ("СЕРГ", ["Гевердава", "Булгаков"]), ("семенов", ["Семёнов"]), ("пётр", ["Семёнов"]), ("ердав", ["Гевердава"]),
        ("иванов", []),
    ])
    func byName(query: String, expected: [String]) async throws {
        try await withKabinet { app in
            // given
            let agent = try await Self.base(app)
            // when
            let page = try await agent.get("/clients?name=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            // then
            #expect(page.status == .ok)
            #expect(Self.names(page) == expected)
        }
    }

    @Test("Phone in any format", arguments: ["+7 (910) 937-03-41", "89109370341", "9109370341", "937-03", "+7 910"])
    func byPhone(query: String) async throws {
        try await withKabinet { app in
            let agent = try await Self.base(app)
            let page = try await agent.get("/clients?phone=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
            #expect(Self.names(page) == ["Гевердава"])
            #expect(page.text.contains("+7 (910) 937-03-41") && page.text.contains("vgezerdava@mail.ru"))
        }
    }

    @Test("The table has the seed's columns; «Сброс» shows everyone; 30 clients make two pages")
    func tableAndPages() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Self.twoPages(app)
            // when
            let first = try await agent.get("/clients")
            let second = try await agent.get("/clients?page=2")
            // then
            for column in ["ФИО", "Дата рождения", "Телефон", "Комментарий", "Э-Почта", "Найти", "Сброс", "Добавить клиента"] {
                #expect(first.text.contains(column), "no \(column)")
            }
            #expect(first.text.contains("Результатов найдено: 30"))
            #expect(first.text.components(separatedBy: "data-testid=\"client-row\"").count - 1 == 25)
            #expect(second.text.components(separatedBy: "data-testid=\"client-row\"").count - 1 == 5)
        }
    }
}
