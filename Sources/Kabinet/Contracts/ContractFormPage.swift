import Foundation
import KabinetDomain
import Vapor

/// Draws «Заполнение личных данных клиента»: the priced terms on top, then «Застрахованные», «Страхователь»,
/// «Выгодоприобретатели», every input with its value as typed and its message, and problems that belong to no
/// input above the form.
enum ContractFormPage {
    struct Fact: Encodable {
        var label: String
        var value: String
    }

    struct BeneficiaryView: Encodable {
        var title: String
        var fields: [FormFieldView]
        var removeAction: String
    }

    struct Content: Encodable {
        var heading: String
        var action: String
        var quoteID: String?
        var facts: [Fact]
        var generalErrors: [String]
        var hasErrors: Bool
        /// «Не удалось сгенерировать номер свободного БСО» with which agreement and product, and what to do.
        var noNumber: String?
        var insured: [PersonView]
        var insuredError: String?
        var holderSourceName: String
        var holderFromInsured: Bool
        var holderIndex: FormFieldView
        var holderPerson: PersonView
        var beneficiaries: [BeneficiaryView]
        var beneficiariesError: String?
    }

    /// The terms the contract is priced on, read from the quote (new) or the quote behind the contract (edit).
    struct Terms {
        var quote: Quote
        var agreement: String?
        var number: String?
    }

    static func render(_ req: Request, form: ContractForm, terms: Terms, action: String, errors: [FieldError] = [],
                       noNumber: FieldError? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let fields = FormFieldBuilder(request: req, errors: errors)
        let insuredForms = form.insuredList.isEmpty ? [PersonForm.blank] : form.insuredList
        let insured = insuredForms.enumerated().map { index, person in
            fields.person(person, at: ContractField.insured.item(index),
                          title: personTitle(person, fallback: req.t("contracts.insured_n", String(index + 1))),
                          removeAction: index == 0 ? nil : "remove-insured-\(index)", fixedFromQuote: index == 0)
        }
        let holder = form.policyholder ?? PersonForm.blank
        let fromInsured = holder.source != "person"
        let names = insuredForms.enumerated().map { index, person in
            (String(index), personTitle(person, fallback: req.t("contracts.insured_n", String(index + 1))))
        }
        var holderIndex = fields.select(ContractField.policyholder.child("insuredIndex"), label: "contracts.holder_pick",
                                        value: holder.insuredIndex ?? "0", choices: names, blank: false)
        holderIndex.double = true
        let holderPerson = fields.person(holder, at: .policyholder, title: req.t("contracts.holder_data"))
        let beneficiaries = form.beneficiaryList.enumerated().map { index, person in
            beneficiary(person, index: index, fields: fields)
        }
        let quote = terms.quote
        let product = terms.number.map { req.t("contracts.heading_number", $0, quote.productName) }
            ?? req.t("contracts.heading_new", quote.productName)
        let insuredError = fields.message(at: .insured)
        let beneficiariesError = fields.message(at: .beneficiaries)
        let general = fields.unplaced()
        let content = Content(
            heading: product, action: action, quoteID: form.quote, facts: facts(terms, req: req),
            generalErrors: general, hasErrors: !errors.isEmpty,
            noNumber: noNumber.map { req.message($0) }, insured: insured, insuredError: insuredError,
            holderSourceName: FormFieldBuilder.name(ContractField.policyholder.child("source")),
            holderFromInsured: fromInsured, holderIndex: holderIndex, holderPerson: holderPerson,
            beneficiaries: beneficiaries, beneficiariesError: beneficiariesError)
        return try await req.page("contracts/form", title: "contracts.form_title", content, status: status)
    }

    static func beneficiary(_ form: BeneficiaryForm, index: Int, fields: FormFieldBuilder) -> BeneficiaryView {
        let path = ContractField.beneficiaries.item(index)
        var share = fields.field(path.child("share"), label: "contracts.field.share", value: form.share, required: true)
        share.inputmode = "decimal"
        share.placeholder = "100"
        return BeneficiaryView(
            title: fields.request.t("contracts.beneficiary_n", String(index + 1)),
            fields: [
                fields.field(path.child("lastName"), label: "contracts.field.lastName", value: form.lastName, required: true),
                fields.field(path.child("firstName"), label: "contracts.field.firstName", value: form.firstName,
                             required: true),
                fields.field(path.child("middleName"), label: "contracts.field.middleName", value: form.middleName),
                fields.field(path.child("birthDate"), label: "contracts.field.birthDate", value: form.birthDate,
                             kind: "date", required: true),
                share,
            ],
            removeAction: "remove-beneficiary-\(index)")
    }

    /// «Иванов Юрий Германович», or «Застрахованный 2» while no name is typed.
    static func personTitle(_ form: PersonForm, fallback: String) -> String {
        let name = [form.lastName, form.firstName, form.middleName].compactMap { $0?.trimmed.nonEmpty }.joined(separator: " ")
        return name.isEmpty ? fallback : name
    }

    static func facts(_ terms: Terms, req: Request) -> [Fact] {
        let quote = terms.quote
        let english = req.locale == "en"
        var facts = [
            Fact(label: req.t("contracts.card.product"), value: quote.productName),
            Fact(label: req.t("contracts.card.premium"), value: req.formatted(quote.totalPerPayment)),
            Fact(label: req.t("contracts.card.frequency"),
                 value: english ? quote.frequency.englishName : quote.frequency.russianName),
            Fact(label: req.t("contracts.card.period"), value: "\(quote.startDate.russian) – \(quote.endDate.russian)"),
            Fact(label: req.t("contracts.card.sum_insured"), value: req.formatted(quote.mainSumInsured)),
        ]
        if let agreement = terms.agreement { facts.append(Fact(label: req.t("products.agreement"), value: agreement)) }
        return facts
    }
}
