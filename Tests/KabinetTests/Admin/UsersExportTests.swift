import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Administration: «Выгрузить в CSV» of the users")
struct UsersExportTests {
    @Test("The administrator exports every user the filters find, by login, with the table's columns")
    func administrator() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            #expect(try await admin.get("/admin/users?role=agent").text.contains("href=\"/admin/users/export.csv?role=agent\""))

            let all = csvLines(try await admin.get("/admin/users/export.csv"))
            let agents = csvLines(try await admin.get("/admin/users/export.csv?role=agent"))

            #expect(all.first == "Логин;Ф.И.О.;Роль;Агентство;Офис;Статус;Последний вход")
            #expect(all.dropFirst().map { String($0.prefix { $0 != ";" }) }
                == ["admin", "agent", "agent2", "agent3", "head", "operator", "partner", "teamlead"])
            #expect(agents.dropFirst().map { String($0.prefix { $0 != ";" }) } == ["agent", "agent2", "agent3"])
            #expect(agents[1].hasPrefix("agent;Иванов Иван Иванович;") && agents[1].contains(";ООО «Северное агентство»;ГО;"))
            #expect(try await app.auditEntries("user.list.exported").count == 2)
        }
    }

    @Test("A partner administrator's export holds their agency's users only; others are refused")
    func partnerAndOthers() async throws {
        try await withKabinet { app in
            let partner = Browser(app)
            try await partner.login("partner")
            let lines = csvLines(try await partner.get("/admin/users/export.csv"))
            #expect(lines.dropFirst().map { String($0.prefix { $0 != ";" }) } == ["agent", "agent2", "partner"])

            for login in ["agent", "operator"] {
                let user = Browser(app)
                try await user.login(login)
                let response = try await user.get("/admin/users/export.csv")
                #expect(response.status == .forbidden && !response.text.contains("agent3"), "\(login)")
            }
        }
    }

    @Test("An export's offset walk gives every row once, in the query's order, in chunks of the asked size")
    func chunks() async throws {
        try await withKabinet { app in
            var sizes: [Int] = []
            var logins: [String] = []
            try await User.query(on: app.db).sort(\.$login).forEachChunk(of: 3) { users in
                sizes.append(users.count)
                logins += users.map(\.login)
            }
            #expect(sizes == [3, 3, 2])
            #expect(logins == ["admin", "agent", "agent2", "agent3", "head", "operator", "partner", "teamlead"])
        }
    }
}
