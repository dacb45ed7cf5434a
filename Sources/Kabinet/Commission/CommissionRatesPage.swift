import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The rates list with its filters (agreement, product, in force or closed) and the add form; one renderer for the
/// page and for the 422 answers of both forms.
enum CommissionRatesPage {
    struct Filter: Content {
        var agreement: String?
        var product: String?
        var state: String?
        var page: Int?
    }

    struct Row: Encodable {
        var id: String
        var agreement: String
        var product: String
        var percent: String
        var validFrom: String
        var validTo: String
        var open: Bool
        var inForce: Bool
        var createdBy: String
    }

    struct PageContent: Encodable {
        var rows: [Row]
        var filter: Filter
        var paging: Paging.Links
        var form: CommissionRatesController.RateForm
        var errors: [String: String]
        var closing: String?
        var agreements: [SelectOption]
        var products: [SelectOption]
        var filterAgreements: [SelectOption]
        var filterProducts: [SelectOption]
        var states: [SelectOption]
    }

    static func render(_ req: Request, form: CommissionRatesController.RateForm, problems: [CommissionProblem] = [],
                       closing: UUID? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let filter = try req.query.decode(Filter.self)
        let paging = Paging(page: filter.page)
        let today = MoscowTime.today()
        let agreements = try await AgencyAgreement.query(on: req.db).with(\.$agency).sort(\.$number).all()
        let products = try await ProductCatalogStore.catalog(req.application).products(on: ContractService(request: req).today())
        let productNames = Dictionary(products.map { ($0.code, ProductsNavigation.name($0, req: req)) }) { first, _ in first }
        let numbers = try await CommissionRateStore.agreementNumbers(on: req.db)
        let query = CommissionRateRecord.query(on: req.db)
        if let number = filter.agreement, let agreement = agreements.first(where: { $0.number == number }) {
            query.filter(\.$agreementID == (try agreement.requireID()))
        }
        if let code = filter.product, !code.isEmpty { query.filter(\.$productCode == code) }
        switch filter.state {
        case "active": query.group(.or) { $0.filter(\.$validTo == nil).filter(\.$validTo >= today.iso) }
        case "closed": query.filter(\.$validTo < today.iso)
        default: break
        }
        let total = try await query.count()
        let records = try await query.sort(\.$productCode).sort(\.$validFrom, .descending)
            .range(paging.offset..<(paging.offset + paging.size)).all()
        let rows = records.compactMap { record -> Row? in
            guard let id = record.id, let rate = record.rate(agreementNumber: numbers[record.agreementID] ?? "—") else { return nil }
            return Row(id: id.uuidString, agreement: rate.agreement, product: productNames[rate.productCode] ?? rate.productCode,
                       percent: rate.russianPercent, validFrom: rate.validFrom.russian, validTo: rate.validTo?.russian ?? "—",
                       open: rate.validTo.map { $0 >= today } ?? true, inForce: rate.isValid(on: today),
                       createdBy: record.createdBy)
        }
        let choose = SelectOption(value: "", label: req.t("contracts.choose"))
        let anything = SelectOption(value: "", label: req.t("commission.filter.all"))
        var errors: [String: String] = [:]
        for problem in problems where errors[problem.field] == nil {
            errors[problem.field] = req.application.localization.text(problem.key, locale: req.locale, problem.arguments)
        }
        return try await req.page("commission/rates", title: "commission.rates.title", PageContent(
            rows: rows, filter: filter, paging: paging.links(total: total, request: req), form: form, errors: errors,
            closing: closing?.uuidString,
            agreements: [choose] + agreements.map {
                SelectOption(value: $0.number, label: "\($0.number) — \($0.agency.name)", selected: $0.number == form.agreement)
            },
            products: [choose] + products.map { SelectOption(value: $0.code, label: productNames[$0.code] ?? $0.code, selected: $0.code == form.product) },
            filterAgreements: [anything] + agreements.map { SelectOption(value: $0.number, label: $0.number, selected: $0.number == filter.agreement) },
            filterProducts: [anything] + products.map {
                SelectOption(value: $0.code, label: productNames[$0.code] ?? $0.code, selected: $0.code == filter.product)
            },
            states: [anything] + ["active", "closed"].map {
                SelectOption(value: $0, label: req.t("commission.rates.state.\($0)"), selected: $0 == filter.state)
            }), status: status)
    }
}
