import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

/// «Документы»: tiles and the dropdown, the notice, uploads and versions, retiring, download counts, bad input.
@Suite struct LibraryTests {
    typealias F = LibraryFixtures

    @Test func agentsSeeTheTilesTheDropdownAndTheNoticeAndDownloadsAreCounted() async throws {
        try await withKabinet { app in
            // given the demo forms
            let agent = try await CommissionFixtures.browser(app, "agent")
            // when
            let page = try await agent.get("/documents")
            let home = try await agent.get("/contracts")
            // then: the seed's notice, a tile per category, every demo form, «Документы ▾» with the categories
            #expect(page.status == .ok)
            #expect(page.text.contains("Актуальность бланков необходимо уточнять у сотрудников РОО до их использования."))
            #expect(page.text.components(separatedBy: "data-testid=\"category-tile\"").count - 1 == LibraryCategory.allCases.count)
            #expect(page.text.components(separatedBy: "data-testid=\"document-tile\"").count - 1 == DemoLibrary.samples.count)
            #expect(home.text.contains("/documents?category=claims"))
            #expect(!home.text.contains("/documents/manage"))
            let claims = try await agent.get("/documents?category=claims")
            #expect(claims.text.contains("Заявление на страховую выплату"))
            #expect(!claims.text.contains("Медицинская анкета"))
            // when the agent downloads a form twice
            let document = try await F.document(app, title: "Заявление на страховую выплату")
            let download = try await agent.get("/documents/\(try document.requireID())/download")
            _ = try await agent.get("/documents/\(try document.requireID())/download")
            // then it is the real PDF, counted
            #expect(download.status == .ok)
            #expect(Data(buffer: download.body).starts(with: Data("%PDF".utf8)))
            #expect(download.headers.first(name: .contentDisposition)?.contains("zayavlenie_na_vyplatu.pdf") == true)
            #expect(try await F.document(app, title: "Заявление на страховую выплату").downloads == 2)
        }
    }

    @Test func theBackOfficeUploadsANewVersionWhichRetiresTheOldOne() async throws {
        try await withKabinet { app in
            // given
            let operatorBrowser = try await CommissionFixtures.browser(app, "operator")
            let created = try await operatorBrowser.uploadDocument(F.fields(), file: F.pdf, filename: "smena_adresa.pdf")
            #expect(created.status == .seeOther)
            let first = try await F.document(app, title: "Заявление о смене адреса")
            // when a new version of the same family is uploaded
            let next = try await operatorBrowser.uploadDocument(
                F.fields(version: "2.0", issuedOn: "2026-11-01", family: first.familyID.uuidString), file: F.pdf)
            #expect(next.status == .seeOther)
            // then the old one is retired, the new one active; agents see only the new one
            let versions = try await LibraryDocument.query(on: app.db).filter(\.$familyID == first.familyID).sort(\.$version).all()
            #expect(versions.map(\.version) == ["1.0", "2.0"])
            #expect(versions.map(\.status) == ["retired", "active"])
            let agent = try await CommissionFixtures.browser(app, "agent")
            let page = try await agent.get("/documents?category=changes")
            #expect(page.text.contains("Версия 2.0 от 01.11.2026"))
            #expect(!page.text.contains("Версия 1.0 от 01.10.2026"))
            // and the retired version is a 404 to the agent but still downloadable by the back office from the history
            let old = "/documents/\(try versions[0].requireID())/download"
            #expect(try await agent.get(old).status == .notFound)
            #expect(try await operatorBrowser.get(old).status == .ok)
            let history = try await operatorBrowser.get("/documents/manage?family=\(first.familyID.uuidString)")
            #expect(history.text.contains("Снят с использования"))
            let actions = try await AuditEntry.query(on: app.db).filter(\.$entityType == "library_document")
                .filter(\.$actorLogin == "operator").all().map(\.action)
            #expect(actions.sorted() == ["library.retired", "library.uploaded", "library.uploaded"])
        }
    }

    @Test func retiringHidesTheDocumentFromAgents() async throws {
        try await withKabinet { app in
            let operatorBrowser = try await CommissionFixtures.browser(app, "operator")
            let document = try await F.document(app, title: "Медицинская анкета застрахованного")
            // when
            let response = try await operatorBrowser.post("/documents/\(try document.requireID())/retire")
            // then
            #expect(response.status == .seeOther)
            #expect(try await F.document(app, title: "Медицинская анкета застрахованного").status == "retired")
            let agent = try await CommissionFixtures.browser(app, "agent")
            #expect(!(try await agent.get("/documents").text.contains("Медицинская анкета застрахованного")))
            // and agents may neither retire nor upload
            let other = try await F.document(app, title: "Анкета клиента — физического лица")
            #expect(try await agent.post("/documents/\(try other.requireID())/retire").status == .forbidden)
            #expect(try await agent.uploadDocument(F.fields(), file: F.pdf).status == .forbidden)
            #expect(try await agent.get("/documents/manage").status == .forbidden)
        }
    }

    @Test(arguments: [
        ("title", F.fields(title: " "), F.pdf, "blank.pdf"),
        ("category", F.fields(category: "secret"), F.pdf, "blank.pdf"),
        ("version", F.fields(version: ""), F.pdf, "blank.pdf"),
        ("issuedOn", F.fields(issuedOn: "31.02.2026"), F.pdf, "blank.pdf"),
        ("family", F.fields(family: UUID().uuidString), F.pdf, "blank.pdf"),
        ("file", F.fields(), nil, "blank.pdf"),
        ("file", F.fields(), F.pdf, "virus.exe"),
    ] as [(String, [(String, String)], Data?, String)])
    func badUploadsAre422NextToTheFieldAndSaveNothing(field: String, fields: [(String, String)], file: Data?,
                                                      filename: String) async throws {
        try await withKabinet { app in
            let operatorBrowser = try await CommissionFixtures.browser(app, "operator")
            let documents = try await F.documents(app).count
            let files = try await StoredFile.query(on: app.db).count()
            // when
            let response = try await operatorBrowser.uploadDocument(fields, file: file, filename: filename)
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("data-field=\"\(field)\"") || (field == "family" && response.text.contains("alert")))
            #expect(try await F.documents(app).count == documents)
            #expect(try await StoredFile.query(on: app.db).count() == files)
        }
    }
}
