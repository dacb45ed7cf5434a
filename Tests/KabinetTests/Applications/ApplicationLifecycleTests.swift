import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Applications: filing and working them")
struct ApplicationLifecycleTests {
    @Test("Filed → В работе → Выполнено: the contract gets the new surname with a history line, the agent sees it all")
    func personalDataChange() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, contractPath) = try await ApplicationExample.filedChange(agent, app)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            // when
            let queue = try await operatorBrowser.get("/applications?status=new")
            let taken = try await operatorBrowser.post("\(path)/status/take")
            let completed = try await operatorBrowser.post("\(path)/status/complete", [("comment", "Паспорт проверен")])
            // then
            #expect(queue.text.contains(DemoApplicationTypes.personalData))
            #expect(taken.status == .seeOther && completed.status == .seeOther)
            let application = try await app.application(path)
            #expect(application.applicationStatus == .done)
            #expect(application.assigneeID == (try await app.user("operator").id))
            let contract = try await app.contract(contractPath)
            #expect(contract.policyholderName == "Петров Юрий Германович")
            #expect(contract.policyholderSearch == SearchText.normalize("Петров Юрий Германович"))
            #expect(try contract.decodedData().draft.insured[0].lastName == "Петров")
            let history = try await ContractHistoryEntry.query(on: app.db).filter(\.$contract.$id == contract.requireID())
                .filter(\.$action == "data_changed").all()
            #expect(history.count == 1)
            #expect(history.first?.reason?.contains("Новая фамилия") == true)
            #expect(try await agent.get(contractPath).text.contains("Персональные данные изменены"))
            let card = try await agent.get(path)
            #expect(card.text.contains("Выполнено"))
            #expect(card.text.contains("Паспорт проверен"))
            #expect(card.text.contains("data-testid=\"unread\">2<"))
            #expect(try await app.auditEntries("application.complete").count == 1)
            #expect(try await app.auditEntries("contract.data_changed").count == 1)
        }
    }

    @Test("Rejecting without a comment is refused (422, nothing stored); with one, the agent reads it")
    func reject() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, contractPath) = try await ApplicationExample.filedChange(agent, app)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            // when
            let bare = try await operatorBrowser.post("\(path)/status/reject", [("comment", " ")])
            let stillNew = try await app.application(path).applicationStatus
            let rejected = try await operatorBrowser.post("\(path)/status/reject", [("comment", "Нет скана свидетельства о браке")])
            // then
            #expect(bare.status == .unprocessableEntity)
            #expect(bare.text.contains("Укажите причину отклонения"))
            #expect(stillNew == .new)
            #expect(rejected.status == .seeOther)
            #expect(try await app.application(path).applicationStatus == .rejected)
            #expect(try await app.contract(contractPath).policyholderName == "Иванов Юрий Германович")
            let notes = try await app.notifications(of: "agent", kind: "application.status")
            #expect(notes.count == 1)
            let list = try await agent.get("/notifications")
            #expect(list.text.contains("Нет скана свидетельства о браке"))
            #expect(try await agent.get(path).text.contains("Отклонено"))
            #expect(try await operatorBrowser.post("\(path)/status/take").status == .unprocessableEntity)
        }
    }

    @Test("Complete before take is refused; the agent may not work the queue")
    func order() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, _) = try await ApplicationExample.filedChange(agent, app)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            #expect(try await operatorBrowser.post("\(path)/status/complete").status == .unprocessableEntity)
            #expect(try await agent.post("\(path)/status/take").status == .forbidden)
            #expect(try await app.application(path).applicationStatus == .new)
        }
    }

    @Test("Assigning an operator notifies them once; a user who cannot work the queue cannot be assigned")
    func assignment() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, _) = try await ApplicationExample.filedChange(agent, app)
            let lead = Browser(app)
            try await lead.login("teamlead")
            let operatorID = try await app.user("operator").requireID().uuidString
            // when
            let assigned = try await lead.post("\(path)/assign", [("assignee", operatorID)])
            try await lead.post("\(path)/assign", [("assignee", operatorID)])
            let wrong = try await lead.post("\(path)/assign", [("assignee", try await app.user("agent2").requireID().uuidString)])
            // then
            #expect(assigned.status == .seeOther)
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await app.application(path).assigneeID?.uuidString == operatorID)
            #expect(try await app.notifications(of: "operator", kind: "application.assigned").count == 1)
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")
            #expect(try await operatorBrowser.get("/applications?assignee=me").text.contains("data-testid=\"application-link\""))
            #expect(!(try await operatorBrowser.get("/applications?assignee=none").text.contains("data-testid=\"application-link\"")))
        }
    }

    @Test("The attachment downloads from the card, for those who see the application")
    func attachment() async throws {
        try await withKabinet { app in
            let agent = Browser(app)
            try await agent.login("agent")
            let (path, _) = try await ApplicationExample.filedChange(agent, app)
            let file = try await agent.get("\(path)/files/document")
            #expect(file.status == .ok)
            #expect(file.text.contains("%PDF-1.4 scan of scan.pdf"))
            #expect(try await agent.get("\(path)/files/reason").status == .notFound)
        }
    }
}
