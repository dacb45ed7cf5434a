import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

/// A report holds only what its requester may see, and only the requester sees the request and its file.
@Suite("Report visibility")
struct ReportAccessTests {
    typealias R = ReportsTest

    @Test("An agent's report holds exactly the agent's visible contracts, never another agent's")
    func agentSeesOwnOnly() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app)
            let agent = try await R.signedIn(app, as: "agent")
            let agent3 = try await app.user("agent3")
            // when
            let request = try await R.build(agent, R.fields())
            // then
            let numbers = Set(try R.numbers(app, request))
            let theirs = try await R.expected(app, as: "agent3") { $0.ownerID == agent3.id }
            #expect(numbers == (try await R.expected(app, as: "agent") { _ in true }))
            #expect(!theirs.isEmpty)
            #expect(numbers.isDisjoint(with: theirs))
        }
    }

    @Test("Choosing another agency's operator is refused (422), not silently emptied")
    func hiddenOperatorRefused() async throws {
        try await R.withApp { app in
            // given
            let agent = try await R.signedIn(app, as: "agent")
            let agent3 = try await app.user("agent3")
            // when
            let response = try await agent.post("/reports", R.fields([("operator[]", agent3.id!.uuidString)]))
            // then
            #expect(response.status == .unprocessableEntity)
            #expect(try await ReportRequest.query(on: app.db).count() == 0)
        }
    }

    @Test("Only the requester downloads the file, sees the line or its state: others get 404 or nothing")
    func requesterOnly() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app, 40)
            let agent = try await R.signedIn(app, as: "agent")
            let request = try await R.build(agent, R.fields())
            let id = try request.requireID().uuidString
            let other = try await R.signedIn(app, as: "agent3")
            let head = try await R.signedIn(app, as: "head")
            // when
            let own = try await agent.get("/reports/\(id)/download")
            let foreign = try await other.get("/reports/\(id)/download")
            let boss = try await head.get("/reports/\(id)/download")
            let state = try await other.get("/reports/state?ids=\(id)", accept: "application/json")
            let list = try await other.get("/reports")
            // then
            #expect(own.status == .ok)
            #expect(own.headers.first(name: .contentDisposition)?.contains("report-\(request.number).csv") == true)
            #expect(foreign.status == .notFound)
            #expect(boss.status == .notFound)
            #expect(state.text == "[]")
            #expect(!list.text.contains(String(request.number)))
            #expect(list.text.contains("Нет данных"))
        }
    }

    @Test("A queued request cannot be downloaded yet (404) and the state JSON says «В очереди»")
    func notReadyYet() async throws {
        try await R.withApp { app in
            // given
            let agent = try await R.signedIn(app, as: "agent")
            try await agent.post("/reports", R.fields())
            let request = try await ReportRequest.query(on: app.db).first()!
            let id = try request.requireID().uuidString
            // when
            let download = try await agent.get("/reports/\(id)/download")
            let state = try await agent.get("/reports/state?ids=\(id)", accept: "application/json")
            let list = try await agent.get("/reports")
            // then
            #expect(download.status == .notFound)
            #expect(state.text.contains("\"status\":\"queued\""))
            #expect(state.text.contains("В очереди"))
            #expect(list.text.contains("data-report-state"), "the list polls while a line is moving")
        }
    }
}
