import Fluent
import Foundation
import SQLKit
import Vapor

/// Queuing a report: the request row with the next «Номер запроса», then its build job, in one transaction so a
/// request never waits for a job that was not written.
enum ReportRequests {
    static func queue(_ filter: ReportFilter, requester: UUID, locale: String, on db: any Database) async throws
        -> ReportRequest
    {
        let request = ReportRequest()
        request.requesterID = requester
        request.kind = filter.kind.rawValue
        request.format = filter.format.rawValue
        request.filters = String(decoding: try JSONEncoder().encode(filter), as: UTF8.self)
        request.locale = locale
        request.status = ReportRequest.Status.queued.rawValue
        request.progress = 0
        request.rowCount = 0
        request.createdAt = Date()
        // Two requests at the same instant may pick the same number; the unique index refuses one, which retries.
        for attempt in 1...5 {
            do {
                try await db.transaction { db in
                    request.number = try await nextNumber(on: db)
                    try await request.create(on: db)
                    try await JobQueue(database: db).enqueue(
                        ReportBuilder.jobKind, ReportBuilder.Payload(requestID: try request.requireID()), maxAttempts: 3)
                }
                return request
            } catch where attempt < 5 && error is any DatabaseError {
                request.id = nil
                request.$id.exists = false
                continue
            }
        }
        throw Abort(.internalServerError)
    }

    private static func nextNumber(on db: any Database) async throws -> Int {
        struct Row: Decodable { var n: Int? }
        let sql = try AdminListQuery.sql(db)
        let row = try await sql.select()
            .column(SQLAlias(SQLFunction("MAX", args: SQLColumn("number")), as: SQLIdentifier("n")))
            .from(ReportRequest.schema).first(decoding: Row.self)
        return (row?.n ?? 10_000) + 1
    }
}
