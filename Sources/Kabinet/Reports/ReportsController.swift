import Fluent
import Foundation
import Vapor

/// «Отчеты»: the requester's list of report requests with «Поиск отчета», the small state JSON the list polls so
/// statuses change without a refresh, and the download of a finished file. Everything here is the requester's
/// own: another user's request is 404, whoever asks.
struct ReportsController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("reports", use: list)
        routes.get("reports", "state", use: state)
        routes.get("reports", ":id", "download", use: download)
    }

    func list(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .reports)
        let input = try req.query.decode(ReportListInput.self)
        switch ReportListQuery.check(input) {
        case .success(let query):
            let page = try await query.page(requester: actor.userID, on: req.db)
            let content = ReportListContent(
                filter: input, rows: page.rows.map { ReportLine($0, req: req) }, total: page.total,
                paging: query.paging.links(total: page.total, request: req), req: req)
            return try await req.page("reports/list", title: "reports.title", content)
        case .failure(let error):
            guard case .validation(let problems) = error else { throw error }
            var content = ReportListContent(filter: input, rows: [], total: 0, paging: nil, req: req)
            content.errors = req.messages(for: problems)
            return try await req.page("reports/list", title: "reports.title", content, status: .unprocessableEntity)
        }
    }

    /// `?ids=a,b`: the lines of those requests of the requester (others are silently left out).
    func state(req: Request) async throws -> [ReportLine] {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .reports)
        let ids = (try? req.query.get(String.self, at: "ids"))?.split(separator: ",").prefix(200)
            .compactMap { UUID(uuidString: String($0)) } ?? []
        guard !ids.isEmpty else { return [] }
        let rows = try await ReportRequest.query(on: req.db).filter(\.$requesterID == actor.userID)
            .filter(\.$id ~~ ids).all()
        return rows.map { ReportLine($0, req: req) }
    }

    /// The finished file, streamed from disk, to its requester only.
    func download(req: Request) async throws -> Response {
        let actor = try req.actor
        try Authorizer.require(actor, .export, in: .reports)
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
            let request = try await ReportRequest.find(id, on: req.db), request.requesterID == actor.userID,
            request.state == .done, let name = request.fileName
        else { throw AppError.notFound }
        let path = ReportFiles(req.application).path(name)
        guard FileManager.default.fileExists(atPath: path) else { throw AppError.notFound }
        try await req.audit.record("report.downloaded", entity: "report", id: id.uuidString,
            summary: "Скачан отчет № \(request.number)")
        let response = try await req.fileio.asyncStreamFile(at: path)
        let format = request.reportFormat
        response.headers.replaceOrAdd(name: .contentType, value: format.contentType)
        response.headers.replaceOrAdd(name: .contentDisposition,
            value: "attachment; filename=\"report-\(request.number).\(format.fileExtension)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}
