import Foundation
import KabinetDomain
import Vapor

extension ContractListInput {
    static let maxPage = 100_000
    static let pageSizes = [25, 50, 100]
    static let maxTextLength = 100

    /// Checks every value and says what is wrong with each, all at once; the period presets are worked out from
    /// `today` (the office's day in Moscow). Which operators and offices the user may pick is checked by the caller,
    /// who knows the user.
    func parse(today: CalendarDate) -> Result<ContractListRequest, AppError> {
        var request = ContractListRequest()
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ key: String, _ arguments: [String] = []) {
            problems.append(FieldProblem(field: field, key: key, arguments: arguments))
        }
        if let text = Self.value(name) {
            if text.count > Self.maxTextLength { problem("name", "contracts.list.error.too_long", [String(Self.maxTextLength)]) }
            request.filter.nameRange = SearchText.prefixRange(text).map { .init(lower: $0.lower, upper: $0.upper) }
        }
        if let text = Self.value(number) {
            if let digits = SearchText.numberPrefix(text), digits.count <= 20 {
                request.filter.numberPrefix = digits
            } else {
                problem("number", "contracts.list.error.number")
            }
        }
        request.filter.ownerID = Self.id(`operator`, field: "operator", into: &problems)
        request.filter.officeID = Self.id(office, field: "office", into: &problems)
        request.filter.paid = Self.yesNo(paid, field: "paid", into: &problems)
        request.filter.workRequired = Self.yesNo(work, field: "work", into: &problems)
        request.filter.erroneous = Self.yesNo(erroneous, field: "erroneous", into: &problems)
        if let code = Self.value(product) {
            if code.count > 64 { problem("product", "contracts.list.error.choice") } else { request.filter.productCode = code }
        }
        if let raw = Self.value(status) {
            if let value = ContractStatus(rawValue: raw) { request.filter.status = value } else { problem("status", "contracts.list.error.choice") }
        }
        request.filter.onlyMine = Self.value(mine).map { ["1", "true", "yes", "on"].contains($0) } ?? false
        parsePeriod(today: today, into: &request, problems: &problems)
        parseSortAndPage(into: &request, problems: &problems)
        return problems.isEmpty ? .success(request) : .failure(.validation(problems))
    }

    private func parsePeriod(today: CalendarDate, into request: inout ContractListRequest, problems: inout [FieldProblem]) {
        if let raw = Self.value(period), raw != "range" {
            guard let preset = ContractListPeriod(rawValue: raw) else {
                problems.append(FieldProblem(field: "period", key: "contracts.list.error.choice"))
                return
            }
            (request.fromDay, request.toDay) = preset.days(endingOn: today)
        } else {
            request.fromDay = Self.day(from, field: "from", into: &problems)
            request.toDay = Self.day(to, field: "to", into: &problems)
            if let first = request.fromDay, let last = request.toDay, last < first {
                problems.append(FieldProblem(field: "to", key: "contracts.list.error.period_order"))
            }
        }
        request.filter.issuedFrom = request.fromDay.map { MoscowTime.start(of: $0) }
        request.filter.issuedBefore = request.toDay.map { MoscowTime.start(of: $0.adding(days: 1)) }
    }

    private func parseSortAndPage(into request: inout ContractListRequest, problems: inout [FieldProblem]) {
        if let raw = Self.value(sort) {
            if let column = ContractSortColumn(rawValue: raw) { request.sort.column = column } else {
                problems.append(FieldProblem(field: "sort", key: "contracts.list.error.choice"))
            }
        }
        switch Self.value(dir) {
        case nil: request.sort.descending = request.sort.column == .issued
        case "asc": request.sort.descending = false
        case "desc": request.sort.descending = true
        default: problems.append(FieldProblem(field: "dir", key: "contracts.list.error.choice"))
        }
        let pageNumber = Self.integer(page, field: "page", in: 1...Self.maxPage, into: &problems)
        let pageSize = Self.integer(size, field: "size", in: 1...Self.pageSizes.max()!, into: &problems)
        request.paging = Paging(page: pageNumber, size: pageSize, defaultSize: Self.pageSizes[0])
    }

    /// The value without surrounding spaces; nil when nothing was typed or chosen.
    static func value(_ raw: String?) -> String? {
        guard let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }

    private static func id(_ raw: String?, field: String, into problems: inout [FieldProblem]) -> UUID? {
        guard let text = value(raw) else { return nil }
        guard let id = UUID(uuidString: text) else {
            problems.append(FieldProblem(field: field, key: "contracts.list.error.choice"))
            return nil
        }
        return id
    }

    private static func yesNo(_ raw: String?, field: String, into problems: inout [FieldProblem]) -> Bool? {
        switch value(raw) {
        case nil, "all": return nil
        case "yes": return true
        case "no": return false
        default:
            problems.append(FieldProblem(field: field, key: "contracts.list.error.choice"))
            return nil
        }
    }

    private static func day(_ raw: String?, field: String, into problems: inout [FieldProblem]) -> CalendarDate? {
        guard let text = value(raw) else { return nil }
        guard let day = CalendarDate(text), (1900...2200).contains(day.year) else {
            problems.append(FieldProblem(field: field, key: "contracts.list.error.date"))
            return nil
        }
        return day
    }

    private static func integer(_ raw: String?, field: String, in bounds: ClosedRange<Int>,
        into problems: inout [FieldProblem]) -> Int?
    {
        guard let text = value(raw) else { return nil }
        guard let number = Int(text), bounds.contains(number) else {
            problems.append(FieldProblem(field: field, key: "contracts.list.error.range",
                arguments: [String(bounds.lowerBound), String(bounds.upperBound)]))
            return nil
        }
        return number
    }
}

extension MoscowTime {
    /// The UTC instant of midnight in Moscow at the start of `day`.
    static func start(of day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
    }
}
