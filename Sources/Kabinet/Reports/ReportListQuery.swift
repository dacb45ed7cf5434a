import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Поиск отчета»: the requester's own requests filtered by «Номер запроса», «Дата создания», «Дата получения»,
/// «Тип отчета» and «Статус», newest first, a page at a time.
struct ReportListInput: Content, Equatable {
    var number: String?
    var created: String?
    var received: String?
    var kind: String?
    var status: String?
    var page: String?
}

struct ReportListQuery {
    var number: Int?
    var created: CalendarDate?
    var received: CalendarDate?
    var kind: ReportKind?
    var status: ReportRequest.Status?
    var paging = Paging(page: 1, defaultSize: 20)

    /// The query, or the messages per field (422).
    static func check(_ input: ReportListInput) -> Result<ReportListQuery, AppError> {
        var query = ReportListQuery()
        var problems: [FieldProblem] = []
        if let raw = ContractListInput.value(input.number) {
            if let number = Int(raw), number > 0 { query.number = number } else {
                problems.append(FieldProblem(field: "number", key: "reports.error.number"))
            }
        }
        for (field, raw) in [("created", input.created), ("received", input.received)] {
            guard let raw = ContractListInput.value(raw) else { continue }
            guard let day = CalendarDate(raw) else {
                problems.append(FieldProblem(field: field, key: "reports.error.date"))
                continue
            }
            if field == "created" { query.created = day } else { query.received = day }
        }
        if let raw = ContractListInput.value(input.kind) {
            if let kind = ReportKind(rawValue: raw) { query.kind = kind } else {
                problems.append(FieldProblem(field: "kind", key: "reports.error.choice"))
            }
        }
        if let raw = ContractListInput.value(input.status) {
            if let status = ReportRequest.Status(rawValue: raw) { query.status = status } else {
                problems.append(FieldProblem(field: "status", key: "reports.error.choice"))
            }
        }
        if let raw = ContractListInput.value(input.page) {
            if let page = Int(raw), page >= 1 { query.paging = Paging(page: page, defaultSize: 20) } else {
                problems.append(FieldProblem(field: "page", key: "reports.error.number"))
            }
        }
        return problems.isEmpty ? .success(query) : .failure(.validation(problems))
    }

    func builder(requester: UUID, on db: any Database) -> QueryBuilder<ReportRequest> {
        var query = ReportRequest.query(on: db).filter(\.$requesterID == requester)
        if let number { query = query.filter(\.$number == number) }
        if let created {
            query = query.filter(\.$createdAt >= MoscowTime.start(of: created))
                .filter(\.$createdAt < MoscowTime.start(of: created.adding(days: 1)))
        }
        if let received {
            query = query.filter(\.$finishedAt >= MoscowTime.start(of: received))
                .filter(\.$finishedAt < MoscowTime.start(of: received.adding(days: 1)))
        }
        if let kind { query = query.filter(\.$kind == kind.rawValue) }
        if let status { query = query.filter(\.$status == status.rawValue) }
        return query
    }

    func page(requester: UUID, on db: any Database) async throws -> (rows: [ReportRequest], total: Int) {
        let total = try await builder(requester: requester, on: db).count()
        let rows = try await builder(requester: requester, on: db).sort(\.$createdAt, .descending).sort(\.$number, .descending)
            .range(paging.offset..<(paging.offset + paging.size)).all()
        return (rows, total)
    }
}
