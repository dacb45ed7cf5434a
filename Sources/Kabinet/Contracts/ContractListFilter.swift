import Foundation
import KabinetDomain
import Vapor

/// «Список договоров» as asked: every filter of the seed, the sort and the page, as text exactly as typed or
/// chosen, so the page can show it back next to its message. The page's query string and
/// `GET /api/v1/contracts` use the same names.
struct ContractListInput: Codable, Sendable, Equatable {
    /// «ФИО»: the beginning of the policyholder's name, surname first, any case, «ё» or «е».
    var name: String?
    /// «Номер договора»: the number or its beginning.
    var number: String?
    /// «Оператор»: the id of the user who issued the contract.
    var `operator`: String?
    /// «Оплачен»: "yes", "no" or empty for all.
    var paid: String?
    /// «Продукт»: a product code.
    var product: String?
    /// «Статус договора»: a `ContractStatus` raw value.
    var status: String?
    /// «Требуется работы по договору»: "yes" / "no".
    var work: String?
    /// «Ошибочный»: "yes" / "no".
    var erroneous: String?
    /// «Офис»: an office id.
    var office: String?
    /// «за день», «за неделю», «за месяц»: "day", "week", "month"; they fill `from` and `to`.
    var period: String?
    /// «с даты – по дату»: Moscow days, `YYYY-MM-DD` or `ДД.ММ.ГГГГ`, both included.
    var from: String?
    var to: String?
    /// «Только мои»: "1" narrows a wider visibility to the user's own contracts.
    var mine: String?
    var sort: String?
    /// "asc" or "desc".
    var dir: String?
    var page: String?
    var size: String?
}

/// The columns the list sorts by; the raw values are the `sort` parameter.
enum ContractSortColumn: String, CaseIterable, Sendable {
    case number, policyholder, product, issued, status, payment, `operator`, work

    /// A new list shows the newest contracts first.
    static let `default` = ContractSortColumn.issued
}

struct ContractListSort: Sendable, Equatable {
    var column: ContractSortColumn = .default
    var descending = true
}

/// The presets of «Период оформления». Each is a range of Moscow days ending today.
enum ContractListPeriod: String, CaseIterable, Sendable {
    case day, week, month

    /// «за день» is today, «за неделю» the last 7 days, «за месяц» the last 30 days, today included.
    func days(endingOn today: CalendarDate) -> (from: CalendarDate, to: CalendarDate) {
        switch self {
        case .day: (today, today)
        case .week: (today.adding(days: -6), today)
        case .month: (today.adding(days: -29), today)
        }
    }
}

/// The filters once checked: what the queries need, with the period turned into UTC instants.
struct ContractListFilter: Sendable, Equatable {
    /// The normalised name's prefix as a range of `policyholder_search` (see `SearchText.prefixRange`).
    var nameRange: NameRange?
    /// Digits the number starts with.
    var numberPrefix: String?
    var ownerID: UUID?
    var paid: Bool?
    var productCode: String?
    var status: ContractStatus?
    var workRequired: Bool?
    var erroneous: Bool?
    var officeID: UUID?
    /// From the first Moscow midnight (included) to the one after the last day (excluded).
    var issuedFrom: Date?
    var issuedBefore: Date?
    var onlyMine = false

    struct NameRange: Sendable, Equatable {
        var lower: String
        var upper: String
    }

    /// Whether a filter needs the contracts themselves rather than the counters (name and number are not in them).
    var needsRows: Bool { nameRange != nil || numberPrefix != nil }
}

/// A checked request for the list: filters, the days they came from (to show back), sort and page.
struct ContractListRequest: Sendable {
    var filter = ContractListFilter()
    var fromDay: CalendarDate?
    var toDay: CalendarDate?
    var sort = ContractListSort()
    var paging = Paging(page: 1)
}
