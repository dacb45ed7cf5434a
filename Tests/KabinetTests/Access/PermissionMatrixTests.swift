import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Roles and permissions")
struct PermissionMatrixTests {
    /// The expected matrix, written out independently of `BuiltInRole` so a change to either is caught.
    static let expected: [BuiltInRole: [Section: Set<SectionAction>]] = [
        .agent: [
            .products: [.view], .contracts: [.view, .create, .edit, .changeStatus, .export], .applications: [.view, .create],
            .reports: [.view, .create, .export], .documents: [.view], .clients: [.view, .create, .edit, .export],
        ],
        .partnerAdmin: [
            .products: [.view], .contracts: [.view, .create, .edit, .changeStatus, .export], .applications: [.view, .create],
            .reports: [.view, .create, .export], .documents: [.view], .clients: [.view, .create, .edit, .export],
            .administration: [.view, .manage],
        ],
        .operator: [
            .products: [.view], .contracts: [.view, .edit, .changeStatus, .export],
            .applications: [.view, .edit, .changeStatus, .export], .reports: [.view, .create, .export],
            .documents: [.view, .create, .edit], .clients: [.view, .export],
        ],
        .teamLead: [
            .products: [.view], .contracts: [.view, .changeStatus, .export], .applications: [.view, .changeStatus, .export],
            .reports: [.view, .create, .export], .documents: [.view], .clients: [.view, .export],
        ],
        .head: [
            .products: [.view], .contracts: [.view, .changeStatus, .export], .applications: [.view, .changeStatus, .export],
            .reports: [.view, .create, .export, .manage], .documents: [.view], .clients: [.view, .export],
        ],
        .administrator: Dictionary(uniqueKeysWithValues: Section.allCases.map { ($0, Set(SectionAction.allCases)) }),
    ]

    static let logins: [BuiltInRole: String] = [
        .agent: "agent", .partnerAdmin: "partner", .operator: "operator", .teamLead: "teamlead", .head: "head", .administrator: "admin",
    ]

    @Test("Every built-in role gets exactly its grants in every section, as loaded for a logged-in user", arguments: BuiltInRole.allCases)
    func matrix(role: BuiltInRole) async throws {
        try await withKabinet { app in
            let user = try await app.user(Self.logins[role]!)
            let actor = try await ActorLoader.load(user, sessionID: nil, on: app.db)
            for section in Section.allCases {
                for action in SectionAction.allCases {
                    let granted = Self.expected[role]?[section]?.contains(action) ?? false
                    #expect(Authorizer.may(actor, action, in: section) == granted, "\(role) \(section).\(action)")
                }
            }
        }
    }

    @Test("Administration pages: open to administrators and partner admins, 403 to everyone else", arguments: BuiltInRole.allCases)
    func administrationPages(role: BuiltInRole) async throws {
        try await withKabinet { app in
            let browser = Browser(app)
            try await browser.login(Self.logins[role]!)
            let status = try await browser.get("/admin/users").status
            let expected: HTTPStatus = [.administrator, .partnerAdmin].contains(role) ? .ok : .forbidden
            #expect(status == expected)
            let home = try await browser.get("/")
            #expect(home.text.contains("href=\"/admin\"") == (expected == .ok), "menu shows administration only when allowed")
        }
    }

    @Test("A partner admin sees and manages only their agency's users and cannot hand out back-office roles")
    func partnerAdminLimits() async throws {
        try await withKabinet { app in
            let partner = Browser(app)
            try await partner.login("partner")
            let list = try await partner.get("/admin/users")
            #expect(list.text.contains(">agent<"))
            #expect(!list.text.contains(">agent3<"), "agent3 is in another agency")
            #expect(!list.text.contains(">operator<"))
            let other = try await app.user("agent3").requireID()
            #expect(try await partner.get("/admin/users/\(other)").status == .notFound)
            let agency = try #require(try await app.user("partner").$agency.id)
            let escalate = try await partner.post("/admin/users", [
                ("login", "sneaky"), ("fullName", "Хитрый"), ("email", "s@example.ru"), ("role", "administrator"), ("agency", agency.uuidString),
            ])
            #expect(escalate.status == .forbidden)
            let own = try await partner.post("/admin/users", [
                ("login", "helper1"), ("fullName", "Помощник"), ("email", "h@example.ru"), ("role", "agent"), ("agency", agency.uuidString),
            ])
            #expect(own.status == .seeOther)
            #expect(try await app.user("helper1").$agency.id == agency)
        }
    }

    @Test("Changing a user's role is audited with before and after and ends their sessions")
    func roleChange() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent2")
            let admin = Browser(app)
            try await admin.login("admin")
            let user = try await app.user("agent2")
            let response = try await admin.post("/admin/users/\(try user.requireID())", [
                ("fullName", user.fullName), ("email", user.email), ("role", "operator"),
            ])
            #expect(response.status == .seeOther)
            #expect(try await app.user("agent2").roleCode == "operator")
            let entry = try #require(try await app.auditEntries("user.role_changed").first)
            #expect(entry.before?.contains("\"role\":\"agent\"") == true)
            #expect(entry.after?.contains("\"role\":\"operator\"") == true)
            #expect(entry.actorLogin == "admin")
            #expect(try await agent.get("/").status == .seeOther)
        }
    }
}

@Suite("Access groups")
struct AccessGroupTests {
    @Test("A team lead sees the records of their group's members; a user in no group only their own")
    func visibility() async throws {
        try await withKabinet { app in
            let lead = try await ActorLoader.load(try await app.user("teamlead"), sessionID: nil, on: app.db)
            let agent = try await app.user("agent")
            let agent3 = try await app.user("agent3")
            let own = RecordOwnership(ownerID: try agent.requireID(), agencyID: agent.$agency.id)
            let foreign = RecordOwnership(ownerID: try agent3.requireID(), agencyID: agent3.$agency.id)
            #expect(lead.subject.canSee(own))
            #expect(!lead.subject.canSee(foreign))

            let head = try await ActorLoader.load(try await app.user("head"), sessionID: nil, on: app.db)
            #expect(head.subject.canSee(foreign))

            try await AccessGroupMember.query(on: app.db).filter(\.$user.$id == lead.userID).delete()
            let alone = try await ActorLoader.load(try await app.user("teamlead"), sessionID: nil, on: app.db)
            #expect(!alone.subject.canSee(own))
            #expect(alone.subject.canSee(RecordOwnership(ownerID: alone.userID, agencyID: nil)))
        }
    }

    @Test("Agents see only their own records and partner admins their agency's")
    func sellers() async throws {
        try await withKabinet { app in
            let agent = try await ActorLoader.load(try await app.user("agent"), sessionID: nil, on: app.db)
            let colleague = try await app.user("agent2")
            let record = RecordOwnership(ownerID: try colleague.requireID(), agencyID: colleague.$agency.id)
            #expect(!agent.subject.canSee(record))
            let partner = try await ActorLoader.load(try await app.user("partner"), sessionID: nil, on: app.db)
            #expect(partner.subject.canSee(record))
            let agent3 = try await app.user("agent3")
            #expect(!partner.subject.canSee(RecordOwnership(ownerID: try agent3.requireID(), agencyID: agent3.$agency.id)))
        }
    }
}
