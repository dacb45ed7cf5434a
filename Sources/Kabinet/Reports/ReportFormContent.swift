import Foundation
import Vapor

/// What `reports/form.leaf` shows: «Вариант отчета», the five multi-choice lists with «Выбрать все», «Период *»
/// with its four dates, the format, the saved variants, and the messages of a refused form.
struct ReportFormContent: Encodable {
    struct MultiChoice: Encodable {
        var field: String
        var title: String
        var all: Bool
        var options: [SelectOption]
        var error: String?
    }

    var input: ReportInput
    var errors: [String: String] = [:]
    var kinds: [SelectOption]
    var formats: [SelectOption]
    var bases: [SelectOption]
    var lists: [MultiChoice]
    var variants: [SelectOption]

    init(input: ReportInput, options: ReportOptions, variants: [ReportVariant], errors: [String: String], req: Request) {
        self.input = input
        self.errors = errors
        let kind = input.kind ?? ReportKind.sales.rawValue
        kinds = ReportKind.allCases.map { SelectOption(value: $0.rawValue, label: req.t($0.titleKey), selected: kind == $0.rawValue) }
        let format = input.format ?? ReportFormat.xlsx.rawValue
        formats = ReportFormat.allCases.map {
            SelectOption(value: $0.rawValue, label: $0.rawValue.uppercased(), selected: format == $0.rawValue)
        }
        let basis = input.basis ?? ReportPeriodBasis.issued.rawValue
        bases = ReportPeriodBasis.allCases.map {
            SelectOption(value: $0.rawValue, label: req.t($0.titleKey), selected: basis == $0.rawValue)
        }
        func list(_ field: String, _ choices: [ReportOptions.Choice], _ chosen: [String]?) -> MultiChoice {
            let picked = Set(chosen ?? [])
            let all = picked.isEmpty || picked.contains(ReportInput.all)
            return MultiChoice(
                field: field, title: req.t("reports.filter.\(field)"), all: all,
                options: choices.map { SelectOption(value: $0.id, label: $0.label, selected: !all && picked.contains($0.id)) },
                error: errors[field])
        }
        lists = [
            list("channel", options.channels, input.channel), list("product_kind", options.productKinds, input.productKind),
            list("product", options.products, input.product), list("office", options.offices, input.office),
            list("operator", options.operators, input.operator),
        ]
        self.variants = variants.map { SelectOption(value: $0.id?.uuidString ?? "", label: $0.name) }
    }
}
