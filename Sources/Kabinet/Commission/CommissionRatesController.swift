import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Ставки КВ»: the commission rates per product and agency agreement, with validity dates; the back office adds
/// a rate and closes one (sets its last day). Overlapping periods of one product and agreement are refused with a
/// message naming the rate they clash with. Every change is audited.
struct CommissionRatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("acts", "rates", use: list)
        routes.post("acts", "rates", use: add)
        routes.post("acts", "rates", ":rate", "close", use: close)
    }

    struct RateForm: Content {
        var agreement: String?
        var product: String?
        var percent: String?
        var validFrom: String?
        var validTo: String?
    }

    struct CloseForm: Content {
        var validTo: String?
    }

    func list(req: Request) async throws -> Response {
        _ = try CommissionAccess.requireBackOffice(req)
        return try await CommissionRatesPage.render(req, form: RateForm())
    }

    func add(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireBackOffice(req)
        let form = try req.content.decode(RateForm.self)
        let number = form.agreement?.trimmed ?? ""
        let code = form.product?.trimmed ?? ""
        let agreement = number.isEmpty ? nil : try await AgencyAgreement.query(on: req.db).filter(\.$number == number).first()
        let existing = try await agreement.asyncMap { try await CommissionRateStore.rates(on: req.db, agreementID: $0.requireID()) } ?? []
        var problems: [CommissionProblem] = []
        if !number.isEmpty, agreement == nil { problems.append(.init("agreement", "commission.error.agreement")) }
        let products = try await ProductCatalogStore.catalog(req.application).products(on: ContractService(request: req).today())
        if !code.isEmpty, !products.contains(where: { $0.code == code }) { problems.append(.init("product", "commission.error.product")) }
        let result = CommissionRateValidator.validate(
            agreement: number, productCode: code, percent: form.percent ?? "", validFrom: form.validFrom ?? "",
            validTo: form.validTo ?? "", existing: existing)
        if case .failure(let found) = result { problems += found.problems }
        guard problems.isEmpty, let agreement, case .success(let rate) = result else {
            return try await CommissionRatesPage.render(req, form: form, problems: problems, status: .unprocessableEntity)
        }
        let record = CommissionRateRecord(agreementID: try agreement.requireID(), rate: rate, createdBy: actor.login)
        try await req.db.transaction { db in
            try await record.create(on: db)
            try await req.audit.on(db).record(
                "commission.rate_added", entity: "commission_rate", id: record.id?.uuidString,
                summary: "Ставка КВ \(rate.russianPercent): агентский договор \(number), продукт \(code), с \(rate.validFrom.russian)"
                    + (rate.validTo.map { " по \($0.russian)" } ?? ""),
                after: ["agreement": number, "product": code, "percent": rate.percentText, "validFrom": rate.validFrom.iso,
                        "validTo": rate.validTo?.iso ?? ""])
        }
        return req.redirect(to: "/acts/rates", flash: "commission.flash.rate_added")
    }

    /// Closes a rate on the given last day; a new rate can then start the day after.
    func close(req: Request) async throws -> Response {
        let actor = try CommissionAccess.requireBackOffice(req)
        guard let id = req.parameters.get("rate", as: UUID.self), let record = try await CommissionRateRecord.find(id, on: req.db),
              let agreement = try await AgencyAgreement.find(record.agreementID, on: req.db),
              let rate = record.rate(agreementNumber: agreement.number)
        else { throw AppError.notFound }
        let form = try req.content.decode(CloseForm.self)
        let others = try await CommissionRateStore.rates(on: req.db, agreementID: record.agreementID)
        switch CommissionRateValidator.close(rate, lastDay: form.validTo ?? "", others: others) {
        case .failure(let problems):
            return try await CommissionRatesPage.render(req, form: RateForm(), problems: problems.problems.map {
                CommissionProblem("close", $0.key, $0.arguments)
            }, closing: id, status: .unprocessableEntity)
        case .success(let closed):
            let before = record.validTo
            record.validTo = closed.validTo?.iso
            record.closedBy = actor.login
            try await req.db.transaction { db in
                try await record.save(on: db)
                try await req.audit.on(db).record(
                    "commission.rate_closed", entity: "commission_rate", id: id.uuidString,
                    summary: "Ставка КВ \(rate.russianPercent) (\(agreement.number), \(record.productCode)) действует по \(closed.validTo?.russian ?? "")",
                    before: ["validTo": before ?? ""], after: ["validTo": record.validTo ?? ""])
            }
            return req.redirect(to: "/acts/rates", flash: "commission.flash.rate_closed")
        }
    }
}
