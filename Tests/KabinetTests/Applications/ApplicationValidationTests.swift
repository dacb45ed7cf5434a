import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Applications: bad input")
struct ApplicationValidationTests {
    @Test("Every bad answer gets its own message (422) and nothing is stored — no application, no file")
    func badAnswers() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let contract = try await ApplicationExample.signedContract(agent, app)
            // when
            let response = try await ApplicationExample.file(
                agent, app, contract: contract, type: DemoApplicationTypes.personalData,
                answers: ["last_name": "Петр0в", "email": "not-an-email", "mobile": "12345", "reason": "Просто так"],
                files: ["document": "scan.exe"])
            // then
            #expect(response.status == .unprocessableEntity)
            let text = response.text
            #expect(text.contains("data-error=\"last_name\">Только буквы"))
            #expect(text.contains("data-error=\"email\">Введите адрес эл. почты"))
            #expect(text.contains("data-error=\"mobile\">Введите мобильный номер"))
            #expect(text.contains("data-error=\"reason\">Выберите значение из списка"))
            #expect(text.contains("data-error=\"document\">Приложите файл PDF, JPG или PNG"))
            #expect(text.contains("value=\"not-an-email\""))
            #expect(try await ContractApplication.query(on: app.db).count() == 0)
            #expect(try await StoredFile.query(on: app.db).filter(\.$kind == "application").count() == 0)
        }
    }

    @Test("Missing required answers and an empty change are reported on their fields")
    func missing() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let contract = try await ApplicationExample.signedContract(agent, app)
            let response = try await ApplicationExample.file(agent, app, contract: contract, type: DemoApplicationTypes.personalData,
                                                             answers: [:], files: [:])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("data-error=\"reason\">Обязательное поле"))
            #expect(response.text.contains("data-error=\"document\">Обязательное поле"))
            #expect(response.text.contains("data-error=\"last_name\">Укажите хотя бы одно новое значение"))
            let cancel = try await ApplicationExample.file(agent, app, contract: contract, type: DemoApplicationTypes.cancellation,
                                                           answers: ["reason": "Другое", "termination_date": "31.02.2027"],
                                                           files: ["signed_application": "a.pdf"])
            #expect(cancel.status == .unprocessableEntity)
            #expect(cancel.text.contains("data-error=\"termination_date\">Введите дату"))
            #expect(try await ContractApplication.query(on: app.db).count() == 0)
        }
    }

    @Test("Bad queue filters → 422 with a message per filter")
    func badFilters() async throws {
        try await withKabinet { app in
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            let page = try await operatorBrowser.get("/applications?status=lost&type=x&from=2026-13-01&number=12a&assignee=nobody")
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.components(separatedBy: "Выберите значение из списка").count - 1 == 3)
            #expect(page.text.contains("Введите дату"))
            #expect(page.text.contains("Номер договора — только цифры"))
            #expect(try await operatorBrowser.get("/applications?status=new&from=2026-01-01&to=2026-12-31").status == .ok)
        }
    }

    @Test("The queue filters by status, type and contract number, and pages")
    func filters() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let (first, _) = try await ApplicationExample.filedChange(agent, app)
            let (second, contract) = try await ApplicationExample.filedChange(agent, app)
            let number = try #require(try await app.contract(contract).number)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            try await operatorBrowser.post("\(first)/status/take")
            let type = try await app.applicationType(DemoApplicationTypes.personalData).requireID()
            let other = try await app.applicationType(DemoApplicationTypes.cancellation).requireID()
            let id = { (path: String) in String(path.split(separator: "/").last!) }
            // when
            let inProgress = try await operatorBrowser.get("/applications?status=in_progress").text
            let byNumber = try await operatorBrowser.get("/applications?number=\(number)").text
            let byType = try await operatorBrowser.get("/applications?type=\(type)").text
            let byOtherType = try await operatorBrowser.get("/applications?type=\(other)").text
            // then
            #expect(inProgress.contains(id(first)) && !inProgress.contains(id(second)))
            #expect(byNumber.contains(id(second)) && !byNumber.contains(id(first)))
            #expect(byType.contains(id(first)) && byType.contains(id(second)))
            #expect(!byOtherType.contains(id(first)))
            #expect(byType.contains("Результатов найдено: 2"))
        }
    }
}
