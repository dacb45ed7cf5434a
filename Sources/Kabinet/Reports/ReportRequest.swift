import Fluent
import Foundation

/// One «запрос» of the «Отчеты» list: what was asked (kind, format, the checked filters as JSON), how far the
/// background build got (status, progress, rows) and, once «Обработан», the file. Only the requester sees it.
final class ReportRequest: Model, @unchecked Sendable {
    static let schema = "report_requests"

    /// В очереди → Формируется → Обработан, or Ошибка with the reason.
    enum Status: String, Codable, CaseIterable, Sendable {
        case queued, running, done, failed
    }

    @ID var id: UUID?
    /// «Номер запроса»: a short number people can quote, unique.
    @Field(key: "number") var number: Int
    @Field(key: "requester_id") var requesterID: UUID
    /// `ReportKind` raw value.
    @Field(key: "kind") var kind: String
    /// `ReportFormat` raw value.
    @Field(key: "format") var format: String
    /// `ReportFilter` as JSON: what the build reads, so a later change of the form cannot change a queued report.
    @Field(key: "filters") var filters: String
    /// The requester's language for the column titles and labels in the file.
    @Field(key: "locale") var locale: String
    @Field(key: "status") var status: String
    /// 0…100, stored as the build goes so the list can show «Формируется 40%».
    @Field(key: "progress") var progress: Int
    @Field(key: "row_count") var rowCount: Int64
    /// «Ошибка»: why, in words for the requester.
    @OptionalField(key: "error") var error: String?
    /// The finished file's name inside `<data>/reports/`.
    @OptionalField(key: "file_name") var fileName: String?
    /// «Дата создания».
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "started_at") var startedAt: Date?
    /// «Дата получения»: when it became «Обработан» (or failed).
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    var state: Status { Status(rawValue: status) ?? .queued }
    var reportKind: ReportKind { ReportKind(rawValue: kind) ?? .sales }
    var reportFormat: ReportFormat { ReportFormat(rawValue: format) ?? .xlsx }

    func decodedFilter() throws -> ReportFilter {
        try JSONDecoder().decode(ReportFilter.self, from: Data(filters.utf8))
    }
}

/// «Вариант отчета». The commission acts («Акт агента») are built by their own module, not here.
enum ReportKind: String, Codable, CaseIterable, Sendable {
    case sales, payments

    var titleKey: String { "reports.kind.\(rawValue)" }
}

enum ReportFormat: String, Codable, CaseIterable, Sendable {
    case xlsx, csv

    var fileExtension: String { rawValue }
    var contentType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }
}
