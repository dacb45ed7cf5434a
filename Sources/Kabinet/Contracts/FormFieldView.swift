import Foundation
import KabinetDomain
import Vapor

/// One input of the contract form as `contracts/field.leaf` draws it: label, value as typed, the message next to
/// it. `name` is the posted name (`insured[0][contacts][mobile]`), `path` the domain's error path
/// ("insured[0].contacts.mobile"), `id` both made safe for HTML and tests.
struct FormFieldView: Encodable {
    var id: String
    var name: String
    var path: String
    var label: String
    var value: String
    /// text, date, tel, email, select, yesno, checkbox, fixed (read-only, posted by a hidden input)
    var kind: String
    var required: Bool
    var error: String?
    var options: [SelectOption] = []
    var hint: String?
    var inputmode: String?
    var placeholder: String?
    var autocomplete: String = "off"
    /// Takes the whole row of the grid.
    var wide = false
    /// Takes two columns (long text such as «Кем выдан документ» next to a short field).
    var double = false
    /// For `fixed`: what is shown instead of the raw value ("Мужской" for "male").
    var display: String?
    /// `data-show-when` of the field's wrapper, e.g. "insured[0][taxResidency][isUSTaxpayer]=yes".
    var showWhen: String?
    var hidden = false

    /// The field shown only while another input has a value (`data-show-when`), hidden now if `hidden`.
    func shown(when rule: String, hidden: Bool) -> FormFieldView {
        var copy = self
        copy.showWhen = rule
        copy.hidden = hidden
        return copy
    }
}

/// Builds field views and remembers which error paths got an input, so problems without one (the quote, the
/// shares' total) are shown above the form instead of being lost.
final class FormFieldBuilder {
    let request: Request
    private let messages: [String: String]
    private(set) var placed: Set<String> = []

    init(request: Request, errors: [FieldError]) {
        self.request = request
        self.messages = request.messages(for: QuoteRejection(errors))
    }

    /// Messages of paths that no input claimed, in a stable order.
    func unplaced() -> [String] {
        messages.filter { !placed.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The message for a path that is shown as a block-level note (e.g. "beneficiaries"), marking it placed.
    func message(at path: ContractField) -> String? {
        placed.insert(path.path)
        return messages[path.path]
    }

    func field(_ path: ContractField, label key: String, value: String?, kind: String = "text", required: Bool = false,
               options: [SelectOption] = []) -> FormFieldView {
        placed.insert(path.path)
        var view = FormFieldView(
            id: Self.id(path), name: Self.name(path), path: path.path, label: request.t(key), value: value ?? "",
            kind: kind, required: required, error: messages[path.path], options: options)
        switch kind {
        case "date": view.placeholder = request.t("form.date_placeholder"); view.inputmode = "numeric"
        case "tel": view.placeholder = "+7 (9XX) XXX-XX-XX"; view.inputmode = "tel"
        case "email": view.inputmode = "email"
        default: break
        }
        return view
    }

    /// A choice from a list, with «Выбрать» first so an untouched select is visibly unanswered.
    func select(_ path: ContractField, label key: String, value: String?, required: Bool = false,
                choices: [(value: String, label: String)], blank: Bool = true) -> FormFieldView {
        var options = blank ? [SelectOption(value: "", label: request.t("contracts.choose"))] : []
        options += choices.map { SelectOption(value: $0.value, label: $0.label, selected: $0.value == value) }
        return field(path, label: key, value: value, kind: "select", required: required, options: options)
    }

    var english: Bool { request.locale == "en" }

    var countries: [(value: String, label: String)] {
        Country.all.map { ($0.code, english ? $0.englishName : $0.russianName) }
    }

    var yesNo: [(value: String, label: String)] {
        [("yes", request.t("contracts.yes")), ("no", request.t("contracts.no"))]
    }

    /// "insured[0].documents.passport.series" → "insured[0][documents][passport][series]".
    static func name(_ path: ContractField) -> String {
        let parts = path.path.split(separator: ".")
        guard let first = parts.first else { return "" }
        return String(first) + parts.dropFirst().map { "[\($0)]" }.joined()
    }

    /// "insured[0].documents.passport.series" → "insured-0-documents-passport-series".
    static func id(_ path: ContractField) -> String {
        path.path.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .replacingOccurrences(of: "--", with: "-").trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
