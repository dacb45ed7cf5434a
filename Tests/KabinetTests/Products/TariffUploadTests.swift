import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Products: administrators upload tariff versions")
struct TariffUploadTests {
    static func newVersion(_ app: Application, version: String = "2030.1", validFrom: String = "2030-01-01") throws -> Data {
        var tariff = try app.bundledTariff("product-1")
        tariff["version"] = version
        tariff["validFrom"] = validFrom
        return try JSONSerialization.data(withJSONObject: tariff)
    }

    @Test("A valid new version is stored, listed with its source and uploader, and audited")
    func happyPath() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            #expect(try await admin.get("/admin").text.contains("/admin/tariffs"))

            // when
            let response = try await admin.upload("/admin/tariffs", file: try Self.newVersion(app))
            let page = try await admin.get("/admin/tariffs")

            // then
            #expect(response.status == .seeOther && response.location == "/admin/tariffs")
            let stored = try #require(try await ProductVersion.query(on: app.db).filter(\.$version == "2030.1").first())
            #expect(stored.code == "product-1" && stored.source == .upload && stored.uploadedBy == "admin")
            #expect(page.status == .ok)
            #expect(page.text.contains("2030.1") && page.text.contains("01.01.2030") && page.text.contains("загружен"))
            #expect(page.text.contains("поставка"))
            #expect(try await app.auditEntries("tariff.uploaded").count == 1)
            // Valid from 2030: today's quotes still use 2024.1.
            #expect(try await ProductCatalogStore.catalog(app).product("product-1", on: SeedExample.today)?.version == "2024.1")
            let download = try await admin.get("/admin/tariffs/versions/\(try stored.requireID())")
            #expect(download.status == .ok && download.text.contains("\"2030.1\""))
        }
    }

    @Test("A broken file is refused with every issue and its path; nothing is stored")
    func brokenFile() async throws {
        try await withKabinet { app in
            // given: two semantic mistakes at once
            var tariff = try app.bundledTariff("product-1")
            tariff["version"] = "2031.1"
            tariff["terms"] = [5, 5]
            tariff["startDate"] = ["minDaysAhead": 10, "maxDaysAhead": 2]
            let admin = Browser(app)
            try await admin.login("admin")

            // when
            let response = try await admin.upload("/admin/tariffs", file: try JSONSerialization.data(withJSONObject: tariff))
            let syntax = try await admin.upload("/admin/tariffs", file: Data("{ \"code\": ".utf8))

            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("terms[1]: Значение «5» повторяется"))
            #expect(response.text.contains("startDate: Окно даты начала: minDaysAhead (10) должно быть ≥ 0 и ≤ maxDaysAhead (2)"))
            #expect(syntax.status == .unprocessableEntity)
            #expect(syntax.text.contains("$: Файл не является корректным JSON"))
            #expect(try await ProductVersion.query(on: app.db).count() == 15)
        }
    }

    @Test("The same product version cannot be uploaded twice")
    func duplicateVersion() async throws {
        try await withKabinet { app in
            let admin = Browser(app)
            try await admin.login("admin")

            let bundled = try await admin.upload("/admin/tariffs", file: try Self.newVersion(app, version: "2024.1", validFrom: "2024-01-01"))
            let first = try await admin.upload("/admin/tariffs", file: try Self.newVersion(app))
            let second = try await admin.upload("/admin/tariffs", file: try Self.newVersion(app))

            #expect(bundled.status == .unprocessableEntity)
            #expect(first.status == .seeOther)
            #expect(second.status == .unprocessableEntity)
            #expect(second.text.contains("version: Версия 2030.1 продукта product-1 уже загружена"))
            #expect(try await ProductVersion.query(on: app.db).filter(\.$code == "product-1").count() == 2)
        }
    }

    @Test("Nobody but an administrator may see or upload tariffs", arguments: ["agent", "partner", "operator", "head"])
    func othersRefused(login: String) async throws {
        try await withKabinet { app in
            let user = Browser(app)
            try await user.login(login)

            #expect(try await user.get("/admin/tariffs").status == .forbidden)
            #expect(try await user.upload("/admin/tariffs", file: try Self.newVersion(app)).status == .forbidden)
            #expect(try await ProductVersion.query(on: app.db).count() == 15)
        }
    }
}
