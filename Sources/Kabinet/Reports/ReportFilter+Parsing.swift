import Foundation
import KabinetDomain

/// Turns the posted form into a `ReportFilter`, or the list of what is wrong with it, field by field (422, nothing
/// queued): every chosen value must be one of the user's choices, the period needs both days in order.
extension ReportInput {
    static let all = "*"

    func check(against options: ReportOptions) -> Result<ReportFilter, AppError> {
        var problems: [FieldProblem] = []
        func choice<T>(_ raw: String?, field: String, _ make: (String) -> T?) -> T? {
            guard let raw = ContractListInput.value(raw), let value = make(raw) else {
                problems.append(FieldProblem(field: field, key: "reports.error.choice"))
                return nil
            }
            return value
        }
        let kind = choice(kind ?? ReportKind.sales.rawValue, field: "kind", ReportKind.init(rawValue:))
        let format = choice(format ?? ReportFormat.xlsx.rawValue, field: "format", ReportFormat.init(rawValue:))
        let basis = choice(basis ?? ReportPeriodBasis.issued.rawValue, field: "basis", ReportPeriodBasis.init(rawValue:))
        let channels = Self.pick(channel, from: options.channels, field: "channel", into: &problems).map { $0.compactMap(UUID.init(uuidString:)) }
        let kinds = Self.pick(productKind, from: options.productKinds, field: "product_kind", into: &problems)
            .map { $0.compactMap(ProductKind.init(rawValue:)) }
        var products = Self.pick(product, from: options.products, field: "product", into: &problems)
        let offices = Self.pick(office, from: options.offices, field: "office", into: &problems).map { $0.compactMap(UUID.init(uuidString:)) }
        let owners = Self.pick(`operator`, from: options.operators, field: "operator", into: &problems).map { $0.compactMap(UUID.init(uuidString:)) }
        if let kinds {
            // «Тип продукта» narrows «Продукт»: the products of the chosen kinds, among the chosen products if any.
            let ofKinds = options.products.map(\.id).filter { options.kindOfProduct[$0].map(kinds.contains) ?? false }
            products = products.map { chosen in chosen.filter(ofKinds.contains) } ?? ofKinds
        }
        let fromDay = Self.day(from, field: "from", into: &problems)
        let toDay = Self.day(to, field: "to", into: &problems)
        if let fromDay, let toDay, toDay < fromDay {
            problems.append(FieldProblem(field: "to", key: "reports.error.order"))
        }
        guard problems.isEmpty, let kind, let format, let basis, let fromDay, let toDay else {
            return .failure(.validation(problems))
        }
        return .success(ReportFilter(
            kind: kind, format: format, channelIDs: channels, productKinds: kinds, productCodes: products,
            officeIDs: offices, ownerIDs: owners, basis: basis, from: fromDay, to: toDay))
    }

    /// The chosen ids, nil for all («Выбрать все» or nothing ticked); an id not offered is a problem.
    private static func pick(_ raw: [String]?, from choices: [ReportOptions.Choice], field: String,
        into problems: inout [FieldProblem]) -> [String]?
    {
        let values = (raw ?? []).compactMap { ContractListInput.value($0) }
        guard !values.isEmpty, !values.contains(all) else { return nil }
        let offered = Set(choices.map(\.id))
        guard values.allSatisfy(offered.contains) else {
            problems.append(FieldProblem(field: field, key: "reports.error.choice"))
            return nil
        }
        return Array(Set(values)).sorted()
    }

    /// «Период *» is required: `YYYY-MM-DD` (the date input) or `ДД.ММ.ГГГГ`.
    private static func day(_ raw: String?, field: String, into problems: inout [FieldProblem]) -> CalendarDate? {
        guard let text = ContractListInput.value(raw) else {
            problems.append(FieldProblem(field: field, key: "reports.error.required"))
            return nil
        }
        guard let day = CalendarDate(text), day.year >= 1900, day.year <= 2200 else {
            problems.append(FieldProblem(field: field, key: "reports.error.date"))
            return nil
        }
        return day
    }
}
