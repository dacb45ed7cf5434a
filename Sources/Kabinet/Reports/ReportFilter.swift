import Foundation
import KabinetDomain
import Vapor

/// The «Сформировать отчет» form as posted (and as a saved variant stores it): every value as chosen, so a refused
/// form shows it back next to its message. Multi-selects post `name[]`; `*` is «Выбрать все»; none means all too.
struct ReportInput: Content, Equatable {
    var kind: String?
    var format: String?
    var channel: [String]?
    var productKind: [String]?
    var product: [String]?
    var office: [String]?
    var `operator`: [String]?
    /// Which date «Период *» applies to: `ReportPeriodBasis`.
    var basis: String?
    var from: String?
    var to: String?
    /// «Сохранить фильтры»: the variant's name.
    var variantName: String?

    enum CodingKeys: String, CodingKey {
        case kind, format, channel, product, office, `operator`, basis, from, to
        case productKind = "product_kind", variantName = "variant_name"
    }
}

/// «Период *» by «Дата оформления», «Дата начала действия», «Дата окончания действия» or «Перевод в статус
/// «Оплачен»»; the raw value names the contracts column it filters and walks.
enum ReportPeriodBasis: String, Codable, CaseIterable, Sendable {
    case issued, start, end, paid

    var column: String {
        switch self {
        case .issued: "issued_at"
        case .start: "start_date"
        case .end: "end_date"
        case .paid: "paid_at"
        }
    }

    /// The SQLite index whose order is `(column, id)` (or `column` alone with the rowid, for the date of issue).
    var index: String {
        switch self {
        case .issued: "contracts_issued"
        case .start: "contracts_report_start"
        case .end: "contracts_report_end"
        case .paid: "contracts_report_paid"
        }
    }

    var titleKey: String { "reports.basis.\(rawValue)" }
}

/// A checked report request, stored as JSON on the request row: nil lists mean «Выбрать все».
struct ReportFilter: Codable, Sendable, Equatable {
    var kind: ReportKind
    var format: ReportFormat
    var channelIDs: [UUID]?
    var productKinds: [ProductKind]?
    /// The products chosen, narrowed to the chosen kinds; nil when neither narrows.
    var productCodes: [String]?
    var officeIDs: [UUID]?
    var ownerIDs: [UUID]?
    var basis: ReportPeriodBasis
    /// Moscow days, both included.
    var from: CalendarDate
    var to: CalendarDate

    /// The first instant of the period (Moscow midnight) and the first one after it.
    var start: Date { MoscowTime.start(of: from) }
    var end: Date { MoscowTime.start(of: to.adding(days: 1)) }
}
