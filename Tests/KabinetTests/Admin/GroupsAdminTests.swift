import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Administration: access groups")
struct GroupsAdminTests {
    @Test("Creating a group, adding and removing members changes whose records a team lead sees, each step audited")
    func membership() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            let lead = try await app.user("teamlead")
            let agent3 = try await app.user("agent3")

            // when
            let created = try await admin.post("/admin/groups", [("name", "Группа «Юг»")])
            let group = try #require(try await AccessGroup.query(on: app.db).filter(\.$name == "Группа «Юг»").first())
            let path = "/admin/groups/\(group.id!)"
            try await admin.post("\(path)/members", [("login", "TeamLead")])
            let added = try await admin.post("\(path)/members", [("login", "agent3")])

            // then
            #expect(created.status == .seeOther)
            #expect(added.status == .seeOther)
            #expect(try await ActorLoader.groupPeers(of: lead.requireID(), on: app.db).contains(agent3.requireID()))
            let page = try await admin.get(path)
            #expect(page.text.contains("agent3") && page.text.contains("Сидоров Пётр Алексеевич") && page.text.contains("Агент"))
            #expect(page.text.contains("видит только свои записи"), "the hint explains the rule")

            // when
            let removed = try await admin.post("\(path)/members/\(agent3.requireID())/remove")

            // then
            #expect(removed.status == .seeOther)
            #expect(try await ActorLoader.groupPeers(of: lead.requireID(), on: app.db).contains(agent3.requireID()) == false)
            #expect(try await app.auditEntries("group.created").count == 1)
            #expect(try await app.auditEntries("group.member_added").count == 2)
            let removal = try #require(try await app.auditEntries("group.member_removed").first)
            #expect(removal.before?.contains("agent3") == true && removal.after?.contains("agent3") == false)
        }
    }

    @Test("Unknown logins, members already in the group and duplicate names are refused with a message and 422")
    func refusals() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            let group = try #require(try await AccessGroup.query(on: app.db).filter(\.$name == "Группа продаж «Север»").first())
            let path = "/admin/groups/\(group.id!)"
            let before = try await AccessGroupMember.query(on: app.db).count()

            // when
            let unknown = try await admin.post("\(path)/members", [("login", "nobody")])
            let twice = try await admin.post("\(path)/members", [("login", "agent")])
            let duplicate = try await admin.post("/admin/groups", [("name", "Все продажи")])
            let renameClash = try await admin.post("\(path)/rename", [("name", "Все продажи")])

            // then
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("Пользователь с логином «nobody» не найден."))
            #expect(twice.status == .unprocessableEntity && twice.text.contains("Пользователь «agent» уже в этой группе."))
            #expect(duplicate.status == .unprocessableEntity && duplicate.text.contains("Группа с таким названием уже есть."))
            #expect(renameClash.status == .unprocessableEntity)
            #expect(try await AccessGroupMember.query(on: app.db).count() == before)
            #expect(try await AccessGroup.query(on: app.db).count() == 2)
            #expect(try await admin.get("/admin/groups/\(UUID())").status == .notFound)
        }
    }

    @Test("Renaming and deleting a group; deleting removes its memberships")
    func renameAndDelete() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            let group = try #require(try await AccessGroup.query(on: app.db).filter(\.$name == "Все продажи").first())
            let id = try group.requireID()

            #expect(try await admin.post("/admin/groups/\(id)/rename", [("name", "Все продажи компании")]).status == .seeOther)
            #expect(try await AccessGroup.find(id, on: app.db)?.name == "Все продажи компании")
            let list = try await admin.get("/admin/groups")
            #expect(list.text.contains("Все продажи компании"))

            #expect(try await admin.post("/admin/groups/\(id)/delete").status == .seeOther)
            #expect(try await AccessGroup.find(id, on: app.db) == nil)
            #expect(try await AccessGroupMember.query(on: app.db).filter(\.$group.$id == id).count() == 0)
            let deletion = try #require(try await app.auditEntries("group.deleted").first)
            #expect(deletion.before?.contains("head") == true)
        }
    }
}
