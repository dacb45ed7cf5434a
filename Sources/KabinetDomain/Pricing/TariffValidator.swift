import Foundation

/// Checks a decoded `ProductDefinition` for everything JSON decoding cannot see: ranges, references
/// between risks, rate tables covering the age limits, and that the rules can be solved.
///
/// Reports every issue (not only the first) so an administrator fixes a file in one pass.
public enum TariffValidator {
    public static func validate(_ product: ProductDefinition) -> [TariffIssue] {
        var issues: [TariffIssue] = []
        checkHeader(product, into: &issues)
        checkSale(product, into: &issues)
        RiskStructureValidator.check(product, into: &issues)
        return issues
    }

    /// Identifiers and texts.
    static func checkHeader(_ p: ProductDefinition, into issues: inout [TariffIssue]) {
        if !isValidCode(p.code) { issues.append(.init(path: "code", key: .tariffCodeInvalid, arguments: ["value": p.code])) }
        for (path, text) in [("name", p.name), ("version", p.version)] where text.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(.init(path: path, key: .tariffTextEmpty))
        }
    }

    /// Start date window, frequencies, terms, limits and ages.
    static func checkSale(_ p: ProductDefinition, into issues: inout [TariffIssue]) {
        if p.startDate.minDaysAhead < 0 || p.startDate.maxDaysAhead < p.startDate.minDaysAhead {
            issues.append(.init(path: "startDate", key: .tariffStartDateWindowInvalid, arguments: [
                "min": String(p.startDate.minDaysAhead), "max": String(p.startDate.maxDaysAhead)]))
        }
        checkList(p.frequencies.map(\.rawValue), path: "frequencies", into: &issues)
        checkList(p.terms.map(String.init), path: "terms", into: &issues)
        for (index, term) in p.terms.enumerated() where !(1...100).contains(term) {
            issues.append(.init(path: "terms[\(index)]", key: .tariffTermInvalid, arguments: ["value": String(term)]))
        }
        for frequency in p.frequencies where p.premiumLimits[frequency] == nil {
            issues.append(.init(path: "premiumLimits", key: .tariffPremiumLimitsMissing, arguments: ["frequency": frequency.rawValue]))
        }
        for (frequency, range) in p.premiumLimits.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let path = "premiumLimits.\(frequency.rawValue)"
            if !p.frequencies.contains(frequency) {
                issues.append(.init(path: path, key: .tariffFrequencyNotOffered, arguments: ["frequency": frequency.rawValue]))
            }
            checkAmountRange(range, currency: p.currency, path: path, into: &issues)
        }
        for (frequency, loading) in p.frequencyLoadings.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let path = "frequencyLoadings.\(frequency.rawValue)"
            if !p.frequencies.contains(frequency) {
                issues.append(.init(path: path, key: .tariffFrequencyNotOffered, arguments: ["frequency": frequency.rawValue]))
            }
            if loading <= 0 { issues.append(.init(path: path, key: .tariffNumberNotPositive, arguments: ["value": TariffCoding.text(loading)])) }
        }
        let ages = p.insuredAge
        if ages.minAtStart < 0 || ages.maxAtStart < ages.minAtStart || ages.maxAtStart > 120 {
            issues.append(.init(path: "insuredAge", key: .tariffAgeLimitsInvalid, arguments: [
                "minAtStart": String(ages.minAtStart), "maxAtStart": String(ages.maxAtStart)]))
        }
        if let shortest = p.terms.min(), ages.maxAtEnd < ages.minAtStart + shortest {
            issues.append(.init(path: "insuredAge.maxAtEnd", key: .tariffAgeAtEndUnreachable, arguments: [
                "maxAtEnd": String(ages.maxAtEnd), "minAtStart": String(ages.minAtStart), "term": String(shortest)]))
        }
    }

    /// Non-empty, no duplicates.
    static func checkList(_ values: [String], path: String, into issues: inout [TariffIssue]) {
        if values.isEmpty { issues.append(.init(path: path, key: .tariffListEmpty)) }
        var seen: Set<String> = []
        for (index, value) in values.enumerated() where !seen.insert(value).inserted {
            issues.append(.init(path: "\(path)[\(index)]", key: .tariffListDuplicate, arguments: ["value": value]))
        }
    }

    /// 0 < min ≤ max, both representable in minor units.
    static func checkAmountRange(_ range: AmountRange, currency: CurrencyCode, path: String, into issues: inout [TariffIssue]) {
        for (name, value) in [("min", range.min), ("max", range.max)] where Money(exactly: value, currency: currency) == nil {
            issues.append(.init(path: "\(path).\(name)", key: .tariffAmountPrecision, arguments: [
                "value": TariffCoding.text(value), "digits": String(currency.minorUnitDigits)]))
        }
        if range.min <= 0 || range.max < range.min {
            issues.append(.init(path: path, key: .tariffRangeInvalid, arguments: [
                "min": TariffCoding.text(range.min), "max": TariffCoding.text(range.max)]))
        }
    }

    /// Latin letters, digits, "-" and "_", not starting with "-" or "_", at most 64 characters.
    static func isValidCode(_ code: String) -> Bool {
        guard let first = code.first, code.count <= 64, first != "-", first != "_" else { return false }
        return code.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0.isASCIIDigitCharacter || $0 == "-" || $0 == "_" }
    }
}
