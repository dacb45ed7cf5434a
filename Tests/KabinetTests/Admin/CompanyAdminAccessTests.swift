import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Administration: company-wide screens are for administrators only")
struct CompanyAdminAccessTests {
    static let pages = ["/admin/organisation", "/admin/roles", "/admin/roles/new", "/admin/groups", "/admin/audit", "/admin/outbox", "/admin/jobs"]

    @Test("An administrator opens every page")
    func administratorOpensEveryPage() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")
            for page in Self.pages {
                #expect(try await admin.get(page).status == .ok, "\(page)")
            }
            let home = try await admin.get("/admin")
            #expect(home.text.contains("/admin/organisation") && home.text.contains("/admin/jobs"))
        }
    }

    @Test("Everyone else gets 403 on every page and every change, and nothing changes",
        arguments: ["agent", "partner", "operator", "teamlead", "head"])
    func othersAreRefused(login: String) async throws {
        try await withKabinet { app in
            // given
            let user = Browser(app)
            try await user.login(login)
            let agency = try #require(try await Agency.query(on: app.db).first()?.id)
            let office = try #require(try await Office.query(on: app.db).first()?.id)
            let channel = try #require(try await SalesChannel.query(on: app.db).first()?.id)
            let role = try #require(try await Role.query(on: app.db).filter(\.$code == "agent").first()?.id)
            let group = try #require(try await AccessGroup.query(on: app.db).first()?.id)
            let agent = try await app.user("agent").requireID()
            let before = try await AuditEntry.query(on: app.db).count()
            let posts: [(String, [(String, String)])] = [
                ("/admin/organisation/channels", [("code", "HACK"), ("name", "x")]),
                ("/admin/organisation/agencies", [("channel", channel.uuidString), ("name", "x")]),
                ("/admin/organisation/agreements", [("agency", agency.uuidString), ("number", "999"), ("startsOn", "2025-01-01")]),
                ("/admin/organisation/offices", [("agency", agency.uuidString), ("name", "x")]),
                ("/admin/organisation/channels/\(channel)/rename", [("name", "x")]),
                ("/admin/organisation/agencies/\(agency)/rename", [("name", "x")]),
                ("/admin/organisation/offices/\(office)/rename", [("name", "x")]),
                ("/admin/organisation/agencies/\(agency)/deactivate", []),
                ("/admin/roles", [("code", "hacker"), ("name", "x"), ("scope", "all"), ("perm[]", "administration.manage")]),
                ("/admin/roles/\(role)", [("name", "x"), ("scope", "all")]),
                ("/admin/roles/\(role)/delete", []),
                ("/admin/groups", [("name", "x")]),
                ("/admin/groups/\(group)/members", [("login", "agent3")]),
                ("/admin/groups/\(group)/members/\(agent)/remove", []),
                ("/admin/groups/\(group)/rename", [("name", "x")]),
                ("/admin/groups/\(group)/delete", []),
                ("/admin/outbox/\(UUID())/retry", []),
                ("/admin/jobs/\(UUID())/retry", []),
            ]

            // when, then
            for page in Self.pages + ["/admin/roles/\(role)", "/admin/groups/\(group)"] {
                #expect(try await user.get(page).status == .forbidden, "GET \(page) as \(login)")
            }
            for (path, fields) in posts {
                #expect(try await user.post(path, fields).status == .forbidden, "POST \(path) as \(login)")
            }
            #expect(try await AuditEntry.query(on: app.db).count() == before)
        }
    }
}
