import Foundation

/// Validation of the risks of a product: codes, references, numbers, rate tables, and that the
/// rules close into exactly one equation (see `PricingModel`).
enum RiskStructureValidator {
    static func check(_ p: ProductDefinition, into issues: inout [TariffIssue]) {
        if p.risks.isEmpty { issues.append(.init(path: "risks", key: .tariffListEmpty)) }
        var seen: Set<String> = []
        for (index, risk) in p.risks.enumerated() {
            let path = "risks[\(index)]"
            if !TariffValidator.isValidCode(risk.code) {
                issues.append(.init(path: "\(path).code", key: .tariffCodeInvalid, arguments: ["value": risk.code]))
            } else if !seen.insert(risk.code).inserted {
                issues.append(.init(path: "\(path).code", key: .tariffListDuplicate, arguments: ["value": risk.code]))
            }
            if risk.name.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(.init(path: "\(path).name", key: .tariffTextEmpty))
            }
            checkSumRule(risk, in: p, path: "\(path).sumInsured", into: &issues)
            checkPremiumRule(risk, in: p, path: "\(path).premium", into: &issues)
            if let limits = risk.sumInsuredLimits {
                TariffValidator.checkAmountRange(limits, currency: p.currency, path: "\(path).sumInsuredLimits", into: &issues)
            }
        }
        checkClosure(p, into: &issues)
    }

    static func checkSumRule(_ risk: RiskDefinition, in p: ProductDefinition, path: String, into issues: inout [TariffIssue]) {
        switch risk.sumInsured {
        case .input:
            if risk.code != p.mainRisk { issues.append(.init(path: "\(path).rule", key: .tariffSumInputNotMain, arguments: ["risk": risk.code])) }
        case .accumulation(let rate):
            if rate < 0 || rate >= 1 { issues.append(.init(path: "\(path).annualRate", key: .tariffRateOutOfRange, arguments: ["value": TariffCoding.text(rate)])) }
        case .ratio(let of, let multiplier, let divisor):
            if p.risk(of) == nil {
                issues.append(.init(path: "\(path).of", key: .tariffRiskUnknown, arguments: ["value": of]))
            } else if reachesItself(risk.code, in: p) {
                issues.append(.init(path: "\(path).of", key: .tariffRatioCycle, arguments: ["risk": risk.code]))
            }
            if multiplier <= 0 { issues.append(.init(path: "\(path).multiplier", key: .tariffNumberNotPositive, arguments: ["value": TariffCoding.text(multiplier)])) }
            if divisor <= 0 { issues.append(.init(path: "\(path).divisor", key: .tariffNumberNotPositive, arguments: ["value": TariffCoding.text(divisor)])) }
        case .multipleOfAnnualPayment(let factor):
            if factor <= 0 { issues.append(.init(path: "\(path).factor", key: .tariffNumberNotPositive, arguments: ["value": TariffCoding.text(factor)])) }
        case .fixed(let amount):
            if amount <= 0 || Money(exactly: amount, currency: p.currency) == nil {
                issues.append(.init(path: "\(path).amount", key: .tariffAmountPrecision, arguments: [
                    "value": TariffCoding.text(amount), "digits": String(p.currency.minorUnitDigits)]))
            }
        }
    }

    static func checkPremiumRule(_ risk: RiskDefinition, in p: ProductDefinition, path: String, into issues: inout [TariffIssue]) {
        switch risk.premium {
        case .remainder:
            if !risk.mandatory { issues.append(.init(path: "\(path).rule", key: .tariffRemainderOptional, arguments: ["risk": risk.code])) }
        case .shareOfPayment(let share):
            if share <= 0 || share >= 1 { issues.append(.init(path: "\(path).share", key: .tariffRateOutOfRange, arguments: ["value": TariffCoding.text(share)])) }
        case .rateTable(let bands):
            RateTableValidator.check(bands, ages: p.insuredAge, path: path, into: &issues)
        }
    }

    /// Exactly one equation must tie the payment to the main sum: either one risk takes the
    /// remainder of the payment and the main sum follows from the payment, or the main sum is the
    /// free input and the payment is the sum of the premiums.
    static func checkClosure(_ p: ProductDefinition, into issues: inout [TariffIssue]) {
        guard let main = p.risk(p.mainRisk) else {
            issues.append(.init(path: "mainRisk", key: .tariffRiskUnknown, arguments: ["value": p.mainRisk]))
            return
        }
        if !main.mandatory { issues.append(.init(path: "mainRisk", key: .tariffMainRiskOptional, arguments: ["risk": main.code])) }
        let remainders = p.risks.indices.filter { p.risks[$0].premium == .remainder }
        for index in remainders.dropFirst() {
            issues.append(.init(path: "risks[\(index)].premium.rule", key: .tariffRemainderDuplicate))
        }
        let mainIsInput = main.sumInsured == .input
        if remainders.isEmpty != mainIsInput {
            issues.append(.init(path: "mainRisk", key: .tariffRulesNotClosed, arguments: [
                "risk": main.code, "remainder": remainders.isEmpty ? "none" : p.risks[remainders[0]].code]))
        }
        let shares = p.risks.compactMap { risk -> Decimal? in
            if case .shareOfPayment(let share) = risk.premium { return share } else { return nil }
        }
        if !remainders.isEmpty, shares.reduce(0, +) >= 1 {
            issues.append(.init(path: "risks", key: .tariffSharesExceedPayment, arguments: ["total": TariffCoding.text(shares.reduce(0, +))]))
        }
    }

    /// True when following `ratio.of` links from `code` comes back to `code`.
    static func reachesItself(_ code: String, in p: ProductDefinition) -> Bool {
        var current = code
        for _ in 0...p.risks.count {
            guard case .ratio(let of, _, _)? = p.risk(current)?.sumInsured else { return false }
            if of == code { return true }
            current = of
        }
        return true
    }
}
