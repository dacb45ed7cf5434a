import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

@Suite("Administration: organisation tree")
struct OrganisationAdminTests {
    @Test("An administrator adds a channel, an agency, an agency agreement and an office, each audited, and sees them in the tree")
    func addsEveryUnit() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")

            // when
            let channelPost = try await admin.post("/admin/organisation/channels", [("code", "bank"), ("name", "Банки-партнёры")])
            let channel = try #require(try await SalesChannel.query(on: app.db).filter(\.$code == "BANK").first())
            let agencyPost = try await admin.post("/admin/organisation/agencies",
                [("channel", channel.id!.uuidString), ("name", "ООО «Новый партнёр»"), ("inn", "7830002293")])
            let agency = try #require(try await Agency.query(on: app.db).filter(\.$name == "ООО «Новый партнёр»").first())
            let agreementPost = try await admin.post("/admin/organisation/agreements",
                [("agency", agency.id!.uuidString), ("number", "3000001"), ("startsOn", "2025-01-01"), ("endsOn", "2025-12-31")])
            let officePost = try await admin.post("/admin/organisation/offices", [("agency", agency.id!.uuidString), ("name", "Офис «Невский»")])

            // then
            for response in [channelPost, agencyPost, agreementPost, officePost] {
                #expect(response.status == .seeOther)
                #expect(response.location == "/admin/organisation")
            }
            #expect(agency.inn == "7830002293")
            let agreement = try #require(try await AgencyAgreement.query(on: app.db).filter(\.$number == "3000001").first())
            #expect(MoscowTime.date(agreement.startsOn) == "01.01.2025")
            #expect(MoscowTime.date(agreement.endsOn) == "31.12.2025")
            #expect(try await Office.query(on: app.db).filter(\.$name == "Офис «Невский»").first()?.$agency.id == agency.id)
            for action in ["organisation.channel_created", "organisation.agency_created", "organisation.agreement_created", "organisation.office_created"] {
                let entries = try await app.auditEntries(action)
                #expect(entries.count == 1, "\(action)")
                #expect(entries.first?.after != nil && entries.first?.actorLogin == "admin")
            }
            let page = try await admin.get("/admin/organisation")
            #expect(page.status == .ok)
            for text in ["Банки-партнёры", "ООО «Новый партнёр»", "№ 3000001 · 01.01.2025 – 31.12.2025", "Офис «Невский»", "пользователей: 2"] {
                #expect(page.text.contains(text), "\(text)")
            }
        }
    }

    /// A form posted with one mistake, and the message that must appear next to the field. `*` stands for the id
    /// of an existing channel or agency.
    struct BadInput: Sendable, CustomTestStringConvertible {
        var path: String
        var fields: [(String, String)]
        var message: String
        var testDescription: String { "\(path) → \(message)" }

        static let all: [BadInput] = [
            BadInput(path: "/admin/organisation/channels", fields: [("code", "DSF"), ("name", "Дубль")], message: "Канал с таким кодом уже есть."),
            BadInput(path: "/admin/organisation/channels", fields: [("code", "D S F!"), ("name", "Канал")], message: "Код: от 2 до 16"),
            BadInput(path: "/admin/organisation/agencies", fields: [("channel", "*"), ("name", "ООО «Ошибка»"), ("inn", "7707083894")],
                message: "не сходится контрольная сумма"),
            BadInput(path: "/admin/organisation/agencies", fields: [("channel", "*"), ("name", "ООО «Ошибка»"), ("inn", "12345")],
                message: "ИНН: 10 цифр"),
            BadInput(path: "/admin/organisation/agreements",
                fields: [("agency", "*"), ("number", "4000001"), ("startsOn", "2025-06-01"), ("endsOn", "2025-05-31")],
                message: "Дата окончания не может быть раньше даты начала."),
            BadInput(path: "/admin/organisation/agreements", fields: [("agency", "*"), ("number", "1000002"), ("startsOn", "2025-06-01")],
                message: "Агентский договор с таким номером уже есть."),
            BadInput(path: "/admin/organisation/agreements", fields: [("agency", "*"), ("number", "АД-1"), ("startsOn", "2025-02-30")],
                message: "только цифры"),
            BadInput(path: "/admin/organisation/offices", fields: [("agency", ""), ("name", "")], message: "Выберите агентство из списка."),
        ]
    }

    @Test("Bad input is shown next to the field with 422 and saves nothing", arguments: BadInput.all)
    func badInput(_ input: BadInput) async throws {
        let (path, fields, message) = (input.path, input.fields, input.message)
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            let channelID = try #require(try await SalesChannel.query(on: app.db).filter(\.$code == "DSF").first()?.id)
            let agencyID = try #require(try await Agency.query(on: app.db).first()?.id)
            let filled = fields.map { field in
                guard field.1 == "*" else { return field }
                return (field.0, field.0 == "channel" ? channelID.uuidString : agencyID.uuidString)
            }
            let before = try await counts(app)

            // when
            let response = try await admin.post(path, filled)

            // then
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("field-error"))
            #expect(response.text.contains(message))
            #expect(try await counts(app) == before, "nothing saved")
        }
    }

    @Test("Renaming and deactivating an agency is audited with before and after; unknown ids are 404")
    func renameAndDeactivate() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            let agency = try #require(try await Agency.query(on: app.db).filter(\.$inn == "7707083893").first())
            let id = try agency.requireID()

            // when
            let renamed = try await admin.post("/admin/organisation/agencies/\(id)/rename", [("name", "ООО «Север-Плюс»")])
            let emptyName = try await admin.post("/admin/organisation/agencies/\(id)/rename", [("name", "  ")])
            let deactivated = try await admin.post("/admin/organisation/agencies/\(id)/deactivate")
            let missing = try await admin.post("/admin/organisation/offices/\(UUID())/rename", [("name", "Офис")])

            // then
            #expect(renamed.status == .seeOther)
            #expect(emptyName.status == .unprocessableEntity)
            #expect(deactivated.status == .seeOther)
            #expect(missing.status == .notFound)
            let stored = try #require(try await Agency.find(id, on: app.db))
            #expect(stored.name == "ООО «Север-Плюс»")
            #expect(!stored.isActive)
            let rename = try #require(try await app.auditEntries("organisation.agency_renamed").first)
            #expect(rename.before?.contains("Северное агентство") == true)
            #expect(rename.after?.contains("Север-Плюс") == true)
            let deactivation = try #require(try await app.auditEntries("organisation.agency_deactivated").first)
            #expect(deactivation.before?.contains("\"isActive\":true") == true)
            #expect(deactivation.after?.contains("\"isActive\":false") == true)
            #expect(try await admin.post("/admin/organisation/agencies/\(id)/activate").status == .seeOther)
            #expect(try await Agency.find(id, on: app.db)?.isActive == true)
        }
    }

    private func counts(_ app: Application) async throws -> [Int] {
        [
            try await SalesChannel.query(on: app.db).count(), try await Agency.query(on: app.db).count(),
            try await AgencyAgreement.query(on: app.db).count(), try await Office.query(on: app.db).count(),
            try await AuditEntry.query(on: app.db).filter(\.$action ~~ "organisation.").count(),
        ]
    }
}
