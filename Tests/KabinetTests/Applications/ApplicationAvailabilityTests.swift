import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Applications: which types by sales channel and contract")
struct ApplicationAvailabilityTests {
    @Test("DSF agents see all three types on a signed contract; ЦУП agents no duplicate request, and cannot file it")
    func perChannel() async throws {
        try await withKabinet { app in
            // given
            let north = Browser(app)
            try await north.login("agent")
            let northContract = try await ApplicationExample.signedContract(north, app)
            let south = Browser(app)
            try await south.login("agent3")
            let southContract = try await ApplicationExample.signedContract(south, app, agreement: "2000001")
            let id = { (path: String) in String(path.split(separator: "/").last!) }
            // when
            let northForm = try await north.get("/applications/new?contract=\(id(northContract))")
            let southForm = try await south.get("/applications/new?contract=\(id(southContract))")
            let forced = try await ApplicationExample.file(south, app, contract: southContract, type: DemoApplicationTypes.duplicate,
                                                           answers: ["documents": "Полис", "delivery": "В офис агента"], files: [:])
            // then
            for name in [DemoApplicationTypes.personalData, DemoApplicationTypes.cancellation, DemoApplicationTypes.duplicate] {
                #expect(northForm.text.contains(name))
            }
            #expect(southForm.text.contains(DemoApplicationTypes.cancellation))
            #expect(!southForm.text.contains(DemoApplicationTypes.duplicate))
            #expect(forced.status == .unprocessableEntity)
            #expect(forced.text.contains("недоступен для вашего канала продаж"))
            #expect(try await ContractApplication.query(on: app.db).count() == 0)
        }
    }

    @Test("On a project (not signed) no signed-only type is offered, with the seed's advice")
    func draftContract() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let draft = try await ContractExample.issue(agent)
            let page = try await agent.get("/applications/new?contract=\(draft.split(separator: "/").last!)")
            #expect(page.text.contains("data-testid=\"no-types\""))
            #expect(page.text.contains("уточняйте возможность использования раздела"))
        }
    }

    @Test("The contract card links to filing; the contract is found by its number too")
    func fromCard() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let path = try await ApplicationExample.signedContract(agent, app)
            let number = try #require(try await app.contract(path).number)
            #expect(try await agent.get(path).text.contains("/applications/new?contract=\(path.split(separator: "/").last!)"))
            let found = try await agent.get("/applications/new?number=\(number)")
            #expect(found.text.contains(DemoApplicationTypes.personalData))
            let missing = try await agent.get("/applications/new?number=999")
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("не найден среди ваших договоров"))
        }
    }

    @Test("An administrator configures a type: bad schema and no channel → 422 per field, nothing saved; then saved")
    func adminTypes() async throws {
        try await withKabinet { app in
            // given
            let admin = Browser(app)
            try await admin.login("admin")
            let before = try await ApplicationType.query(on: app.db).count()
            // when
            let bad = try await admin.post("/admin/application-types", [("name", ""), ("fields", "x | Икс | number")])
            let good = try await admin.post("/admin/application-types", [
                ("name", "Смена выгодоприобретателя"), ("fields", "beneficiary | Новый выгодоприобретатель | text | *"),
                ("channels[]", try await SalesChannel.query(on: app.db).filter(\.$code == "CKP").first()!.requireID().uuidString),
                ("effect", "none"), ("signedOnly", "1"), ("active", "1"),
            ])
            // then
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("Укажите название"))
            #expect(bad.text.contains("Строка 1: тип поля"))
            #expect(bad.text.contains("Отметьте хотя бы один канал продаж"))
            #expect(good.status == .seeOther)
            #expect(try await ApplicationType.query(on: app.db).count() == before + 1)
            #expect(try await app.auditEntries("application_type.created").count == 1)
            let agent = Browser(app)
            try await agent.login("agent")
            #expect(try await agent.get("/admin/application-types").status == .forbidden)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            #expect(try await operatorBrowser.post("/admin/application-types", [("name", "x")]).status == .forbidden)
        }
    }
}
