import Foundation
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Applications: «Выгрузить в CSV» of the back office's queue")
struct ApplicationExportTests {
    @Test("The operator exports the queue with its filters: the table's columns, one line per application")
    func queue() async throws {
        try await withKabinet { app in
            // given two applications of the agent
            let agent = Browser(app)
            try await agent.login("agent")
            let first = try await ApplicationExample.filedChange(agent, app)
            _ = try await ApplicationExample.filedChange(agent, app)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            #expect(try await operatorBrowser.post("\(first.application)/status/take").status == .seeOther)
            let page = try await operatorBrowser.get("/applications")
            #expect(page.text.contains("href=\"/applications/export.csv\""))

            // when the whole queue and then the taken ones are exported
            let all = csvLines(try await operatorBrowser.get("/applications/export.csv"))
            let taken = csvLines(try await operatorBrowser.get("/applications/export.csv?status=in_progress"))

            // then
            #expect(all.first == "№ заявления;Дата подачи;Тип заявления;Договор;Агент;Статус;Исполнитель")
            #expect(all.count == 3)
            let application = try await app.application(first.application)
            let contract = try await app.contract(first.contract)
            let operatorName = try await app.user("operator").fullName
            #expect(taken.count == 2)
            #expect(taken[1].hasPrefix("\(application.number);"))
            #expect(taken[1].contains(";\(try #require(contract.number));") && taken[1].hasSuffix(";В работе;\(operatorName)"))
            #expect(all.filter { $0.hasSuffix(";Новое;—") }.count == 1)
            #expect(try await app.auditEntries("application.list.exported").count == 2)
        }
    }

    @Test("A filter that cannot be used shows the list with its message instead of a file")
    func badFilter() async throws {
        try await withKabinet { app in
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            let response = try await operatorBrowser.get("/applications/export.csv?status=lost")
            #expect(response.status == .unprocessableEntity)
            #expect(response.headers.contentType?.subType == "html" && response.text.contains("Выберите значение из списка"))
            #expect(try await app.auditEntries("application.list.exported").isEmpty)
        }
    }

    @Test("An agent, who sees only their own applications, is offered no export and is refused one")
    func agentsAreRefused() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            _ = try await ApplicationExample.filedChange(agent, app)
            #expect(!(try await agent.get("/applications").text.contains("applications-export")))
            let response = try await agent.get("/applications/export.csv")
            #expect(response.status == .forbidden && response.headers.contentType?.subType != "csv")
        }
    }
}
