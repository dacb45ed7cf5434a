import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The background job that builds one report: it reads the requester's visible contracts chunk by chunk and
/// streams the rows to a part file, keeps the progress on the request row, publishes the file by renaming it and
/// tells the requester under the bell. A build killed half-way (the lease runs out, the job is claimed again)
/// starts over into a new part, so the result is always one complete file.
enum ReportBuilder {
    static let jobKind = "report.build"

    struct Payload: Codable, Sendable {
        var requestID: UUID
    }

    /// Thrown by the test hook to stop a build as a crash would: nothing cleaned up, the row left «Формируется».
    struct Interrupted: Error {}

    /// A failure the requester should read as it is (no retry helps).
    struct Refusal: Error {
        var key: String
    }

    static func register(in handlers: inout JobHandlers) {
        handlers.register(jobKind, as: Payload.self, lane: .long) { context, payload in
            try await build(payload.requestID, application: context.application)
        }
    }

    /// Test hooks: `interruptAfterChunks` stops the build as a crash would; `chunksOnly` takes the portable chunk
    /// walk even where the SQLite file walk applies, so the two can be compared.
    static func build(_ id: UUID, application: Application, interruptAfterChunks: Int? = nil,
        chunksOnly: Bool = false) async throws
    {
        let db = application.db
        guard let request = try await ReportRequest.find(id, on: db), request.state != .done else { return }
        let files = ReportFiles(application)
        try files.prepare()
        files.removeParts(of: id)
        request.status = ReportRequest.Status.running.rawValue
        request.progress = 0
        request.rowCount = 0
        request.error = nil
        request.startedAt = Date()
        try await request.save(on: db)
        do {
            let written = try await write(request, application: application, files: files,
                interruptAfterChunks: interruptAfterChunks, chunksOnly: chunksOnly)
            request.status = ReportRequest.Status.done.rawValue
            request.progress = 100
            request.rowCount = Int64(written.rows)
            request.fileName = written.name
            request.finishedAt = Date()
            try await request.save(on: db)
            try await Notifier(database: db).notify(
                request.requesterID, kind: "report.ready", titleKey: "notification.report_ready.title",
                bodyKey: "notification.report_ready.body", arguments: [String(request.number)], link: "/reports")
        } catch let error as Interrupted {
            throw error
        } catch let refusal as Refusal {
            try await fail(request, reason: application.localization.text(refusal.key, locale: request.locale), on: db)
        } catch {
            let reason = application.localization.text("reports.error.build", locale: request.locale)
            try await fail(request, reason: reason, on: db)
            throw error  // the job system retries with backoff
        }
    }

    private static func fail(_ request: ReportRequest, reason: String, on db: any Database) async throws {
        request.status = ReportRequest.Status.failed.rawValue
        request.error = reason
        request.finishedAt = Date()
        try await request.save(on: db)
    }

    /// Streams the report into a part and publishes it; returns the rows written and the file's name.
    private static func write(_ request: ReportRequest, application: Application, files: ReportFiles,
        interruptAfterChunks: Int?, chunksOnly: Bool) async throws -> (rows: Int, name: String)
    {
        let db = application.db
        guard let user = try await User.find(request.requesterID, on: db), user.status == .active else {
            throw Refusal(key: "reports.error.requester")
        }
        let actor = try await ActorLoader.load(user, sessionID: nil, on: db)
        guard Authorizer.may(actor, .create, in: .reports) else { throw Refusal(key: "reports.error.requester") }
        let filter = try request.decodedFilter()
        let scope = actor.subject.visibility
        let queries = ReportQueries(try ContractQueries(db))
        let total = try await queries.count(filter, scope: scope)
        let lookups = try await ReportLookups.load(
            queries.sql, catalog: try await ProductCatalogStore.catalog(application), locale: request.locale)
        let columns = ReportColumns.of(filter.kind)
        let text = { (key: String) in application.localization.text(key, locale: request.locale) }
        let id = try request.requireID()
        let part = files.partPath(id)
        let sink = try files.sink(filter.format, path: part)
        let writer = ReportRowWriter(sink: sink, columns: columns, lookups: lookups,
            stopAfter: interruptAfterChunks.map { $0 * ReportQueries.chunk })
        // The request row shows the progress: a ticker writes it every second while the rows stream.
        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let percent = total > 0 ? min(99, writer.count * 100 / total) : 0
                try? await queries.sql.update(ReportRequest.schema).set("progress", to: percent)
                    .set("row_count", to: writer.count).where("id", .equal, id).run()
            }
        }
        defer { ticker.cancel() }
        do {
            try sink.begin(title: text(filter.kind.titleKey), header: columns.map { text($0.titleKey) },
                widths: columns.map(\.width))
            let streamed = chunksOnly ? false
                : try await queries.streamSQLiteFile(filter, scope: scope, application: application, into: writer)
            if !streamed {
                try await queries.forEachChunk(filter, scope: scope) { rows in
                    for row in rows where !writer.write(row) { break }
                    try writer.check()
                    await Task.yield()  // let the event loops' requests in between chunks
                }
            }
            try writer.check()
            try sink.finish()
        } catch let error as Interrupted {
            ticker.cancel()
            _ = await ticker.result
            request.progress = total > 0 ? min(99, writer.count * 100 / total) : 0
            request.rowCount = Int64(writer.count)
            try await request.save(on: db)
            throw error
        } catch {
            sink.discard()
            throw error
        }
        ticker.cancel()
        _ = await ticker.result  // no late progress write after «Обработан»
        let written = writer.count
        let name = files.finalName(id, filter.format)
        try files.publish(part: part, as: name)
        return (written, name)
    }
}
