import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Administration: roles")
struct RolesAdminTests {
    @Test("A custom role is created with the ticked grants, and a user given it gets exactly those grants and its scope")
    func customRoleGrants() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            let ticked = ["contracts.view", "contracts.export", "reports.view", "clients.view"]

            // when
            let response = try await admin.post("/admin/roles",
                [("code", "Auditor"), ("name", "Внутренний аудитор"), ("scope", "agency")] + ticked.map { ("perm[]", $0) })

            // then
            #expect(response.status == .seeOther)
            let role = try #require(try await Role.query(on: app.db).filter(\.$code == "auditor").first())
            #expect(!role.isBuiltIn)
            #expect(role.scope == .agency)
            #expect(try await app.auditEntries("role.created").count == 1)

            let user = try await app.user("agent3")
            user.roleCode = "auditor"
            try await user.save(on: app.db)
            let actor = try await ActorLoader.load(user, sessionID: nil, on: app.db)
            let expected = Set(ticked.compactMap(Permission.init(stored:)))
            for permission in Permission.all {
                #expect(actor.permissions.allows(permission) == expected.contains(permission), "\(permission)")
            }
            #expect(actor.subject.scope == .agency)
            let list = try await admin.get("/admin/roles")
            #expect(list.text.contains("Внутренний аудитор"))
        }
    }

    @Test("Codes must be new, Latin and not a built-in role's; the form comes back with 422 and nothing is saved",
        arguments: [("agent", "Этот код занят встроенной ролью."), ("роль", "латинские строчные"), ("x", "латинские строчные")])
    func badCode(code: String, message: String) async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            let before = try await Role.query(on: app.db).count()
            let response = try await admin.post("/admin/roles", [("code", code), ("name", "Роль"), ("scope", "own")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(message))
            #expect(try await Role.query(on: app.db).count() == before)
        }
    }

    @Test("Editing changes grants with an audited before/after; built-in roles cannot be changed")
    func editAndBuiltIn() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            try await admin.post("/admin/roles", [("code", "viewer"), ("name", "Наблюдатель"), ("scope", "own"), ("perm[]", "products.view")])
            let role = try #require(try await Role.query(on: app.db).filter(\.$code == "viewer").first())
            let builtIn = try #require(try await Role.query(on: app.db).filter(\.$code == "agent").first())

            // when
            let edited = try await admin.post("/admin/roles/\(role.id!)",
                [("name", "Наблюдатель+"), ("scope", "all"), ("perm[]", "products.view"), ("perm[]", "documents.view")])
            let builtInPage = try await admin.get("/admin/roles/\(builtIn.id!)")
            let builtInPost = try await admin.post("/admin/roles/\(builtIn.id!)", [("name", "Хакер"), ("scope", "all")])

            // then
            #expect(edited.status == .seeOther)
            let stored = try #require(try await Role.find(role.id, on: app.db))
            #expect(stored.permissions == PermissionSet([Permission(.products, .view), Permission(.documents, .view)]))
            #expect(stored.scope == .all)
            let audit = try #require(try await app.auditEntries("role.updated").first)
            #expect(audit.before?.contains("\"scope\":\"own\"") == true && audit.after?.contains("documents.view") == true)
            #expect(builtInPage.status == .ok && !builtInPage.text.contains("name=\"perm[]\""), "built-in roles are read-only")
            #expect(builtInPost.status == .conflict)
            #expect(try await Role.find(builtIn.id, on: app.db)?.permissions == BuiltInRole.agent.permissions)
        }
    }

    @Test("A custom role is deleted only when nobody has it")
    func deleteOnlyUnused() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            try await admin.post("/admin/roles", [("code", "temp"), ("name", "Временная"), ("scope", "own")])
            let role = try #require(try await Role.query(on: app.db).filter(\.$code == "temp").first())
            let user = try await app.user("agent2")
            user.roleCode = "temp"
            try await user.save(on: app.db)

            let refused = try await admin.post("/admin/roles/\(role.id!)/delete")
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("Роль нельзя удалить: она назначена пользователям (1)"))
            #expect(try await Role.find(role.id, on: app.db) != nil)

            user.roleCode = "agent"
            try await user.save(on: app.db)
            let deleted = try await admin.post("/admin/roles/\(role.id!)/delete")
            #expect(deleted.status == .seeOther)
            #expect(try await Role.find(role.id, on: app.db) == nil)
            #expect(try await app.auditEntries("role.deleted").count == 1)
        }
    }
}
