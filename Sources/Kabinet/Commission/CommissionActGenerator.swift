import Fluent
import Foundation
import KabinetDomain

/// Makes agent acts: selects the contracts of an agreement paid within the month, applies the rate valid on each
/// payment day (`CommissionCalculator`) and stores the lines with the act. Idempotent: an act that exists stays as
/// it is, unless the back office returned it, in which case it is recomputed and waits for review again.
struct CommissionActGenerator {
    let database: any Database

    enum Outcome: Equatable {
        case created, regenerated, unchanged
    }

    /// The act of one agreement and month, made or remade as needed.
    @discardableResult
    func generate(_ agreement: AgencyAgreement, month: ActMonth, by login: String, audit: Audit, now: Date = Date())
        async throws -> (CommissionAct, Outcome)
    {
        let agreementID = try agreement.requireID()
        let existing = try await CommissionAct.query(on: database).filter(\.$agreementID == agreementID)
            .filter(\.$month == month.description).first()
        if let existing, !existing.actStatus.canRegenerate { return (existing, .unchanged) }
        let contracts = try await paidContracts(agreement, month: month)
        let rates = try await CommissionRateStore.rates(on: database, agreementID: agreementID)
        let accrual = CommissionCalculator.accrue(contracts, agreement: agreement.number, month: month, rates: rates)
        let act = existing ?? CommissionAct()
        let outcome: Outcome = existing == nil ? .created : .regenerated
        let oldFile = act.pdfFileID
        act.agreementID = agreementID
        act.agencyID = agreement.$agency.id
        act.agreementNumber = agreement.number
        act.month = month.description
        act.status = ActStatus.generated.rawValue
        act.lineCount = accrual.lines.count
        act.unratedCount = accrual.unrated.count
        act.generatedAt = now
        act.generatedBy = login
        act.decidedAt = nil
        act.decidedBy = nil
        act.returnComment = nil
        act.pdfFileID = nil
        let totals = ActTotals(accrual.lines).totals.map { "\($0.commission.formatted(.russian))" }.joined(separator: ", ")
        try await database.transaction { db in
            try await act.save(on: db)
            let actID = try act.requireID()
            try await CommissionActLine.query(on: db).filter(\.$actID == actID).delete()
            let lines = accrual.lines.enumerated().map { CommissionActLine(actID: actID, position: $0.offset, line: $0.element) }
            if !lines.isEmpty { try await lines.create(on: db) }
            if let oldFile { try await StoredFile.query(on: db).filter(\.$id == oldFile).delete() }
            try await audit.on(db).record(
                outcome == .created ? "commission.act_generated" : "commission.act_regenerated",
                entity: "commission_act", id: actID.uuidString,
                summary: "Акт агента за \(month) по агентскому договору \(agreement.number): \(lines.count) договоров, КВ \(totals.isEmpty ? "0" : totals)",
                after: ["month": month.description, "agreement": agreement.number, "lines": String(lines.count),
                        "unrated": String(accrual.unrated.count)])
        }
        return (act, outcome)
    }

    /// The acts of the month for every agreement that had a payment in it (the recurring job, and «Сформировать»
    /// for all agreements); an agreement with nothing paid gets no act.
    func generateAll(month: ActMonth, by login: String, audit: Audit, now: Date = Date()) async throws -> [Outcome] {
        let paid = try await Contract.query(on: database).filter(\.$paymentStatus == PaymentStatus.paid.rawValue)
            .filter(\.$paidAt >= month.firstDay.moscowStart).filter(\.$paidAt < month.lastDay.adding(days: 1).moscowStart)
            .field(\.$agreementID).unique().all(\.$agreementID)
        let ids = Set(paid.compactMap { $0 })
        guard !ids.isEmpty else { return [] }
        let agreements = try await AgencyAgreement.query(on: database).filter(\.$id ~~ ids).sort(\.$number).all()
        var outcomes: [Outcome] = []
        for agreement in agreements {
            outcomes.append(try await generate(agreement, month: month, by: login, audit: audit, now: now).1)
        }
        return outcomes
    }

    /// Paid contracts of the agreement whose payment fell in the month (Moscow days), as the domain sees them.
    func paidContracts(_ agreement: AgencyAgreement, month: ActMonth) async throws -> [PaidContract] {
        let rows = try await Contract.query(on: database).filter(\.$agreementID == agreement.requireID())
            .filter(\.$paymentStatus == PaymentStatus.paid.rawValue)
            .filter(\.$paidAt >= month.firstDay.moscowStart).filter(\.$paidAt < month.lastDay.adding(days: 1).moscowStart)
            .all()
        return rows.compactMap { contract in
            guard let id = contract.id, let paidAt = contract.paidAt,
                  let currency = CurrencyCode(rawValue: contract.currency) else { return nil }
            return PaidContract(
                contractID: id, number: contract.number ?? "—", policyholder: contract.policyholderName,
                productCode: contract.productCode, productName: contract.productName, agreement: agreement.number,
                paid: Money(minorUnits: contract.paidAmountMinor ?? contract.premiumMinor, currency: currency),
                paidOn: CalendarDate(paidAt, timeZone: MoscowTime.zone))
        }
    }
}
