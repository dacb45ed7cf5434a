import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import Kabinet

/// A build killed half-way is taken again when its lease runs out and ends as one complete, correct file.
@Suite("Report restart")
struct ReportRestartTests {
    typealias R = ReportsTest

    @Test("Killed after the first chunk, the job is claimed again after its lease and writes one correct file")
    func restartAfterCrash() async throws {
        try await R.withApp { app in
            // given: a report of more than one chunk, whose first attempt dies after one chunk
            try await R.generate(app, ReportQueries.chunk + 700)
            let browser = try await R.signedIn(app, as: "operator")
            #expect(try await browser.post("/reports", R.fields()).status == .seeOther)
            let job = try #require(try await Job.query(on: app.db).filter(\.$kind == ReportBuilder.jobKind).first())
            let id = try await ReportRequest.query(on: app.db).first()!.requireID()
            await #expect(throws: ReportBuilder.Interrupted.self) {
                try await ReportBuilder.build(id, application: app, interruptAfterChunks: 1)
            }
            let crashed = try await ReportRequest.find(id, on: app.db)!
            #expect(crashed.state == .running)
            #expect(crashed.progress > 0 && crashed.progress < 100)
            #expect(ReportFiles(app).parts(of: id).count == 1, "the dead attempt left its part")
            // when: the dead worker's lease runs out and a worker takes the job again
            let sql = app.db as! any SQLDatabase
            try await sql.update("jobs").set("status", to: "running").set("locked_by", to: "dead-worker")
                .set("attempts", to: 1).set("locked_until", to: Date().addingTimeInterval(-1))
                .where("id", .equal, try job.requireID()).run()
            try await app.drainJobs()
            // then
            let request = try await ReportRequest.find(id, on: app.db)!
            let numbers = try R.numbers(app, request)
            let expected = try await R.expected(app, as: "operator") { _ in true }
            #expect(request.state == .done)
            #expect(request.progress == 100)
            #expect(numbers.count == expected.count)
            #expect(Set(numbers) == expected)
            #expect(ReportFiles(app).parts(of: id).isEmpty, "no part left behind")
            let files = try FileManager.default.contentsOfDirectory(atPath: ReportFiles(app).directory)
            #expect(files == [try #require(request.fileName)])
            #expect(try await Job.find(job.requireID(), on: app.db)?.status == Job.Status.done.rawValue)
        }
    }

    @Test("A finished request is not built twice when its job runs again")
    func idempotent() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app, 20)
            let browser = try await R.signedIn(app, as: "agent")
            let request = try await R.build(browser, R.fields())
            let finished = request.finishedAt
            // when
            try await ReportBuilder.build(try request.requireID(), application: app)
            // then
            let again = try await ReportRequest.find(request.requireID(), on: app.db)!
            #expect(again.finishedAt == finished)
            #expect(try await Notification.query(on: app.db).filter(\.$kind == "report.ready").count() == 1)
        }
    }
}
