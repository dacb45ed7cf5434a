import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The demo organisation of a fresh install: one company, channels DSF / ЦУП / ЦКП, two agencies with agency
/// agreements, offices, and one user for every built-in role. All demo users share one password, printed at start.
enum DemoData {
    static let password = "Kabinet2024"

    struct Login {
        var login: String
        var role: String
    }

    static func load(into app: Application) async throws -> [Login] {
        let hash = try app.password.hash(password)
        let logins = try await app.db.transaction { db in
            let company = Company(name: app.settings.companyName)
            try await company.create(on: db)
            var channels: [String: SalesChannel] = [:]
            for (code, name) in [("DSF", "DSF"), ("CUP", "ЦУП"), ("CKP", "ЦКП")] {
                let channel = SalesChannel(companyID: try company.requireID(), code: code, name: name)
                try await channel.create(on: db)
                channels[code] = channel
            }
            let north = Agency(channelID: try channels["DSF"]!.requireID(), name: "ООО «Северное агентство»", inn: "7707083893")
            let south = Agency(channelID: try channels["CUP"]!.requireID(), name: "ООО «Южный брокер»", inn: "7728168971")
            try await north.create(on: db)
            try await south.create(on: db)
            let start = CalendarDay.parse("2024-01-01")!
            for (agency, number) in [(north, "1000002"), (north, "1000003"), (south, "2000001")] {
                try await AgencyAgreement(agencyID: try agency.requireID(), number: number, startsOn: start).create(on: db)
            }
            let northHead = Office(agencyID: try north.requireID(), name: "ГО")
            let northBranch = Office(agencyID: try north.requireID(), name: "Офис «Тверская»")
            let southHead = Office(agencyID: try south.requireID(), name: "ГО")
            for office in [northHead, northBranch, southHead] { try await office.create(on: db) }

            let people: [(String, String, BuiltInRole, Agency?, Office?, SalesChannel?)] = [
                ("agent", "Иванов Иван Иванович", .agent, north, northHead, channels["DSF"]),
                ("agent2", "Петрова Мария Сергеевна", .agent, north, northBranch, channels["DSF"]),
                ("agent3", "Сидоров Пётр Алексеевич", .agent, south, southHead, channels["CUP"]),
                ("partner", "Кузнецова Анна Викторовна", .partnerAdmin, north, northHead, channels["DSF"]),
                ("operator", "Смирнова Ольга Павловна", .operator, nil, nil, nil),
                ("teamlead", "Волков Андрей Николаевич", .teamLead, nil, nil, nil),
                ("head", "Соколова Елена Дмитриевна", .head, nil, nil, nil),
                ("admin", "Администратор Системы", .administrator, nil, nil, nil),
            ]
            var logins: [Login] = []
            var created: [String: User] = [:]
            for (login, name, role, agency, office, channel) in people {
                let user = User(
                    login: login, fullName: name, email: "\(login)@kabinet.local", roleCode: role.rawValue,
                    channelID: channel?.id, agencyID: agency?.id, officeID: office?.id, status: .active)
                user.passwordHash = hash
                try await user.create(on: db)
                created[login] = user
                logins.append(Login(login: login, role: role.rawValue))
            }
            // The team lead's group: the lead and two agents, so the lead sees their records (seed 003 §6).
            let group = AccessGroup(name: "Группа продаж «Север»")
            try await group.create(on: db)
            for login in ["teamlead", "agent", "agent2"] {
                try await AccessGroupMember(groupID: try group.requireID(), userID: try created[login]!.requireID()).create(on: db)
            }
            let headGroup = AccessGroup(name: "Все продажи")
            try await headGroup.create(on: db)
            for login in ["head", "agent", "agent2", "agent3"] {
                try await AccessGroupMember(groupID: try headGroup.requireID(), userID: try created[login]!.requireID()).create(on: db)
            }
            try await Audit.system(db, login: "demo").record("demo.loaded", entity: "company", id: company.id?.uuidString,
                summary: "Загружены демонстрационные данные")
            return logins
        }
        try await DemoBlankRanges.load(into: app)
        try await DemoPaperwork.load(into: app)
        try await DemoApplicationTypes.load(into: app)
        return logins
    }

    /// A fresh install's demo: the organisation and users, then `contracts` generated contracts of the demo agents
    /// over the last three years (numbers 77…, apart from the БСО ranges agents issue from), and last month's acts
    /// of their paid ones as the nightly job makes them, and client bases of their people, so «Мои акты» and «База
    /// клиентов» have something to open on the first visit.
    static func loadInstall(into app: Application, contracts: Int) async throws -> [Login] {
        let logins = try await load(into: app)
        if try await ContractGenerator(app: app).generate(contracts) > 0 {
            try await CommissionActJob.run(app.db, now: Date())
            try await DemoClients.load(on: app.db)
        }
        return logins
    }

    static func printLogins(_ logins: [Login], baseURL: String) {
        var lines = ["", "Kabinet demo data loaded. Open \(baseURL) and log in with one of:"]
        for login in logins { lines.append("  \(login.login.padding(toLength: 10, withPad: " ", startingAt: 0)) (\(login.role))") }
        lines.append("  password for all of them: \(password)")
        lines.append("")
        print(lines.joined(separator: "\n"))
    }
}
