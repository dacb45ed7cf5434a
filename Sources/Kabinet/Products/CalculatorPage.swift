import Foundation
import KabinetDomain
import Vapor

/// Draws «Расчет по продукту»: the form as typed, the choices the product offers, the message next to each bad
/// field, and the result table once a calculation succeeded.
enum CalculatorPage {
    struct Risk: Encodable {
        var code: String
        var name: String
        var mandatory: Bool
        var checked: Bool
    }

    /// A payment frequency with its premium limits, shown under «Взнос» for the chosen one.
    struct FrequencyOption: Encodable {
        var value: String
        var label: String
        var selected: Bool
        var hint: String
    }

    struct Content: Encodable {
        var code: String
        var name: String
        var currency: String
        var summary: String?
        var form: CalculatorForm
        var basisIsSum: Bool
        var policyholder: Bool
        var frequencies: [FrequencyOption]
        var terms: [SelectOption]
        var sexes: [SelectOption]
        var agreements: [SelectOption]
        var risks: [Risk]
        var startHint: String
        var premiumHint: String
        var ageHint: String
        var errors: [String: String]
        /// Problems that belong to no field of the form (an unknown product), shown above it.
        var generalErrors: [String]
        var result: QuoteTable?
        /// «Оформить» is offered to those who may start contracts.
        var canSave: Bool
    }

    static let formFields: Set<String> = Set(QuoteField.allCases.map(\.rawValue)).subtracting(["product", "today"])

    static func render(_ req: Request, product: ProductDefinition, form: CalculatorForm, actor: Actor,
        rejection: QuoteRejection? = nil, quote: Quote? = nil) async throws -> Response
    {
        let english = req.locale == "en"
        let today = QuoteService(request: req).today()
        let ticked = Set(form.risks ?? [])
        let agreements = try await QuoteAgreements.available(to: actor, on: req.db)
        let errors = rejection.map { req.messages(for: $0) } ?? [:]
        // A new form offers the seller's first agreement, as the seed's form arrives with «Номер АД» filled in.
        let chosenAgreement = form.agreement ?? agreements.first?.number
        let frequencies = product.frequencies.map { frequency in
            FrequencyOption(
                value: frequency.rawValue, label: english ? frequency.englishName : frequency.russianName,
                selected: frequency.rawValue == form.frequency,
                hint: product.premiumLimits(for: frequency).map { limits in
                    let style: MoneyFormatStyle = english ? .english : .russianCompact
                    return req.t("products.premium_hint", limits.min.formatted(style), limits.max.formatted(style))
                } ?? "")
        }
        let insuredName = [form.lastName, form.firstName, form.middleName].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        let content = Content(
            code: product.code, name: ProductsNavigation.name(product, req: req),
            currency: english ? product.currency.englishName : product.currency.russianName,
            summary: product.summary, form: form, basisIsSum: form.basisIsSum, policyholder: form.isPolicyholder != nil,
            frequencies: frequencies,
            terms: product.terms.map {
                SelectOption(value: String($0), label: req.years($0), selected: String($0) == form.term)
            },
            sexes: Sex.allCases.map {
                SelectOption(value: $0.rawValue, label: english ? $0.englishName : $0.russianName, selected: $0.rawValue == form.sex)
            },
            agreements: agreements.map {
                SelectOption(value: $0.number, label: "\($0.number) — \($0.agency.name)", selected: $0.number == chosenAgreement)
            },
            risks: product.risks.map {
                Risk(code: $0.code, name: english ? ($0.englishName ?? $0.name) : $0.name, mandatory: $0.mandatory,
                    checked: $0.mandatory || ticked.contains($0.code))
            },
            startHint: req.t("products.start_hint", product.startDate.earliest(today: today).russian,
                product.startDate.latest(today: today).russian),
            premiumHint: (frequencies.first(where: \.selected) ?? frequencies.first)?.hint ?? "",
            ageHint: req.t("products.age_hint", String(product.insuredAge.minAtStart), String(product.insuredAge.maxAtStart),
                String(product.insuredAge.maxAtEnd)),
            errors: errors,
            generalErrors: (rejection?.errors ?? []).filter { !formFields.contains($0.field) }.map { req.message($0) },
            result: quote.map { QuoteTable($0, insuredName: insuredName, product: product, req: req) },
            canSave: Authorizer.may(actor, .create, in: .contracts))
        return try await req.page("products/calculator", title: "products.calculator", content,
            status: rejection == nil ? .ok : .unprocessableEntity)
    }
}
