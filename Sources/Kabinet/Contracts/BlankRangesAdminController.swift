import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Бланки строгой отчетности (БСО)»: which agency agreement and product have how many numbers left — the
/// shortage the seed's agents could only report to hotline@ — and the form that loads a new range «с – по».
/// Administrators only.
struct BlankRangesAdminController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("admin", "blanks", use: list)
        routes.post("admin", "blanks", use: load)
    }

    struct LoadForm: Vapor.Content {
        var agreementNumber: String?
        var productCode: String?
        var first: String?
        var last: String?
    }

    struct Page: Encodable {
        var rows: [BlankStockRow]
        var filter: BlankStockFilter
        var paging: Paging.Links
        var form: LoadForm
        var errors: [String: String]
        var agreements: [SelectOption]
        var products: [SelectOption]
        var filterAgreements: [SelectOption]
        var filterProducts: [SelectOption]
        var states: [SelectOption]
    }

    func list(req: Request) async throws -> Response {
        _ = try AdminAccess.requireCompanyAdmin(req)
        return try await render(req, form: LoadForm())
    }

    /// Loads a range: both ends of the same length, in order, overlapping no range of any agreement (a БСО number
    /// is a contract number, unique across the company). 422 with the message next to the field otherwise.
    func load(req: Request) async throws -> Response {
        let actor = try AdminAccess.requireCompanyAdmin(req)
        let form = try req.content.decode(LoadForm.self)
        let number = form.agreementNumber?.trimmed ?? ""
        let code = form.productCode?.trimmed ?? ""
        let range = BlankRange(agreementNumber: number, productCode: code, first: form.first?.trimmed ?? "",
                               last: form.last?.trimmed ?? "")
        let agreements = try await AgencyAgreement.query(on: req.db).all()
        let numbers = Dictionary(uniqueKeysWithValues: agreements.compactMap { agreement in agreement.id.map { ($0, agreement.number) } })
        let existing = try await BlankRangeRecord.query(on: req.db).all().map { $0.range(agreementNumber: numbers[$0.agreementID] ?? "") }
        var errors = BlankRangeValidator.validate(range, against: existing)
        let agreement = agreements.first { $0.number == number }
        if !number.isEmpty, agreement == nil {
            errors.append(FieldError(field: "agreementNumber", key: "contract.blank.agreement_unknown", arguments: ["value": number]))
        }
        let catalog = try await ProductCatalogStore.catalog(req.application)
        let product = catalog.products(on: ContractService(request: req).today()).first { $0.code == code }
        if !code.isEmpty, product == nil {
            errors.append(FieldError(field: "productCode", key: "contract.blank.product_unknown", arguments: ["value": code]))
        }
        guard errors.isEmpty, let agreement, let product else {
            return try await render(req, form: form, errors: errors, status: .unprocessableEntity)
        }
        let record = BlankRangeRecord(agreementID: try agreement.requireID(), productCode: code, first: range.first,
                                      last: range.last, createdBy: actor.login)
        let audit = req.audit
        try await req.db.transaction { db in
            try await record.create(on: db)
            try await audit.on(db).record(
                "blanks.loaded", entity: "blank_range", id: record.id?.uuidString,
                summary: "Загружен диапазон БСО \(range.first)–\(range.last) (\(record.capacity) шт.): агентский договор \(number), \(product.name)",
                after: ["agreement": number, "product": code, "first": range.first, "last": range.last])
        }
        try await BlankAlerts.refresh(agreementID: try agreement.requireID(), productCode: code, productName: product.name,
                                      notify: false, on: req.db)
        return req.redirect(to: "/admin/blanks", flash: "blanks.loaded")
    }

    private func render(_ req: Request, form: LoadForm, errors: [FieldError] = [], status: HTTPStatus = .ok)
        async throws -> Response
    {
        let filter = try req.query.decode(BlankStockFilter.self)
        let paging = Paging(page: filter.page)
        let all = try await BlankStockRows.all(req)
        let rows = all.filter(filter.matches)
        let agreements = try await AgencyAgreement.query(on: req.db).with(\.$agency).sort(\.$number).all()
        let products = try await ProductCatalogStore.catalog(req.application).products(on: ContractService(request: req).today())
        let choose = SelectOption(value: "", label: req.t("contracts.choose"))
        let anything = SelectOption(value: "", label: req.t("blanks.filter.all"))
        return try await req.page("admin/blanks", title: "blanks.title", Page(
            rows: Array(rows.dropFirst(paging.offset).prefix(paging.size)), filter: filter,
            paging: paging.links(total: rows.count, request: req), form: form, errors: req.messages(for: QuoteRejection(errors)),
            agreements: [choose] + agreements.map {
                SelectOption(value: $0.number, label: "\($0.number) — \($0.agency.name)", selected: $0.number == form.agreementNumber)
            },
            products: [choose] + products.map {
                SelectOption(value: $0.code, label: ProductsNavigation.name($0, req: req), selected: $0.code == form.productCode)
            },
            filterAgreements: [anything] + agreements.map {
                SelectOption(value: $0.number, label: $0.number, selected: $0.number == filter.agreement)
            },
            filterProducts: [anything] + products.map {
                SelectOption(value: $0.code, label: ProductsNavigation.name($0, req: req), selected: $0.code == filter.product)
            },
            states: [anything] + ["low", "exhausted"].map {
                SelectOption(value: $0, label: req.t("blanks.filter.\($0)"), selected: $0 == filter.state)
            }), status: status)
    }
}
