import Foundation
import Vapor

/// One line of the request list and of the state JSON the page polls: the status in words («Формируется 40%»,
/// «Ошибка: …») and the download link only once «Обработан».
struct ReportLine: Content {
    var id: String
    var number: Int
    var createdAt: String
    var receivedAt: String
    var kind: String
    var format: String
    var status: String
    var statusText: String
    var progress: Int
    var error: String?
    var download: String?

    init(_ request: ReportRequest, req: Request) {
        id = request.id?.uuidString ?? ""
        number = request.number
        createdAt = ReportLine.seconds(request.createdAt)
        receivedAt = request.state == .done ? ReportLine.seconds(request.finishedAt) : ""
        kind = req.t(request.reportKind.titleKey)
        format = request.reportFormat.rawValue.uppercased()
        status = request.status
        progress = request.progress
        error = request.error
        switch request.state {
        case .queued: statusText = req.t("reports.status.queued")
        case .running: statusText = req.t("reports.status.running", String(request.progress))
        case .done: statusText = req.t("reports.status.done")
        case .failed: statusText = req.t("reports.status.failed", request.error ?? "")
        }
        download = request.state == .done ? "/reports/\(id)/download" : nil
    }

    /// «08.02.2024 13:52:48», as the seed's list shows.
    static func seconds(_ date: Date?) -> String {
        guard let date else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "ru_RU")
        formatter.timeZone = MoscowTime.zone
        formatter.dateFormat = "dd.MM.yyyy HH:mm:ss"
        return formatter.string(from: date)
    }
}

/// What `reports/list.leaf` shows: the search form as typed with its messages, the lines, paging, and whether any
/// line is still moving (then the page polls `/reports/state`).
struct ReportListContent: Encodable {
    var filter: ReportListInput
    var errors: [String: String] = [:]
    var kinds: [SelectOption]
    var statuses: [SelectOption]
    var rows: [ReportLine]
    var total: Int
    var paging: Paging.Links?
    var live: Bool
    var stateLink: String

    init(filter: ReportListInput, rows: [ReportLine], total: Int, paging: Paging.Links?, req: Request) {
        self.filter = filter
        self.rows = rows
        self.total = total
        self.paging = paging
        kinds = ReportKind.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t($0.titleKey), selected: filter.kind == $0.rawValue)
        }
        statuses = ReportRequest.Status.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t("reports.status.\($0.rawValue).filter"),
                selected: filter.status == $0.rawValue)
        }
        live = rows.contains { $0.status == "queued" || $0.status == "running" }
        stateLink = "/reports/state?ids=" + rows.map(\.id).joined(separator: ",")
    }
}
