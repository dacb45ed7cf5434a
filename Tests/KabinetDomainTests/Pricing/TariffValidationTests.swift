import Foundation
import Testing
@testable import KabinetDomain

/// A broken tariff upload gets a precise message: the path of the bad field and a message key.
@Suite struct TariffValidationTests {
    let original: Data

    init() throws {
        original = try #require(TariffFixtures.data("product-1.json"))
    }

    /// Edits the product-1 JSON as a dictionary and returns the issues of loading it.
    func issues(_ edit: (inout [String: Any]) -> Void) throws -> [TariffIssue] {
        var object = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
        edit(&object)
        let data = try JSONSerialization.data(withJSONObject: object)
        return TariffLoader.load(data).failure?.issues ?? []
    }

    func risk(_ object: inout [String: Any], _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var risks = object["risks"] as! [[String: Any]]
        edit(&risks[index])
        object["risks"] = risks
    }

    @Test func syntaxErrorsAreReported() {
        let issues = TariffLoader.load(Data("{ \"code\": ".utf8)).failure?.issues
        #expect(issues?.first?.key == "tariff.json.syntax")
    }

    @Test func missingFieldHasItsPath() throws {
        let found = try issues { $0["risks"] = nil }
        #expect(found == [TariffIssue(path: "risks", key: .tariffJsonMissingField)])
        let nested = try issues { risk(&$0, 1) { $0["mandatory"] = nil } }
        #expect(nested.map(\.path) == ["risks[1].mandatory"])
    }

    @Test func wrongTypesAndValuesHaveTheirPaths() throws {
        #expect(try issues { $0["terms"] = ["five"] }.map(\.path) == ["terms[0]"])
        #expect(try issues { $0["frequencies"] = ["annual", "weekly"] }.map { [$0.path, $0.key] } == [["frequencies[1]", "tariff.json.invalid_value"]])
        #expect(try issues { $0["currency"] = "GBP" }.map(\.path) == ["currency"])
        #expect(try issues { $0["validFrom"] = "2024-02-30" }.map(\.path) == ["validFrom"])
        let rate = try issues { risk(&$0, 1) { r in
            var premium = r["premium"] as! [String: Any]
            var rates = premium["rates"] as! [[String: Any]]
            rates[2]["male"] = 0.0042
            premium["rates"] = rates
            r["premium"] = premium
        } }
        #expect(rate.map { [$0.path, $0.key] } == [["risks[1].premium.rates[2].male", "tariff.json.invalid_value"]])
        let rule = try issues { risk(&$0, 0) { $0["sumInsured"] = ["rule": "compound"] } }
        #expect(rule.map { [$0.path, $0.key] } == [["risks[0].sumInsured.rule", "tariff.json.invalid_value"]])
    }

    @Test func unknownFieldsAreRejected() throws {
        let found = try issues { $0["frequencyLoading"] = ["monthly": "1.5"] }
        #expect(found.map { [$0.path, $0.key, $0.arguments["field"]] } == [["frequencyLoading", "tariff.json.unknown_field", "frequencyLoading"]])
        let inRule = try issues { risk(&$0, 2) { $0["sumInsured"] = ["rule": "ratio", "of": "survival", "divisr": "12.1"] } }
        #expect(inRule.map(\.path) == ["risks[2].sumInsured.divisr"])
    }

    @Test func unknownFrequencyKeyInLimits() throws {
        let found = try issues { o in
            var limits = o["premiumLimits"] as! [String: Any]
            limits["weekly"] = ["min": "1", "max": "2"]
            o["premiumLimits"] = limits
        }
        #expect(found.first?.path.hasPrefix("premiumLimits") == true)
        #expect(found.count == 1)
    }

    @Test func semanticErrorsAreAllReportedWithPaths() throws {
        let found = try issues { o in
            o["code"] = "Продукт 1"
            o["terms"] = [5, 5, 0]
            o["startDate"] = ["minDaysAhead": 10, "maxDaysAhead": 5]
            o["frequencies"] = ["annual", "semiAnnual", "quarterly", "monthly", "single"]
            o["mainRisk"] = "nothing"
            risk(&o, 1) { $0["sumInsured"] = ["rule": "ratio", "of": "ghost"] }
            risk(&o, 2) { r in
                var premium = r["premium"] as! [String: Any]
                var rates = premium["rates"] as! [[String: Any]]
                rates[1]["ageFrom"] = 27
                rates[4]["ageTo"] = 60
                premium["rates"] = rates
                r["premium"] = premium
            }
        }
        let pairs = Set(found.map { "\($0.path) \($0.key)" })
        #expect(pairs == [
            "code tariff.code.invalid",
            "startDate tariff.start_date.window_invalid",
            "terms[1] tariff.list.duplicate",
            "terms[2] tariff.term.invalid",
            "premiumLimits tariff.premium_limits.missing",
            "risks[1].sumInsured.of tariff.risk.unknown",
            "risks[2].premium.rates[1].ageFrom tariff.rates.gap",
            "risks[2].premium.rates[4].ageTo tariff.rates.not_covering",
            "mainRisk tariff.risk.unknown",
        ])
    }

    @Test func rulesMustCloseIntoOneEquation() throws {
        // Two remainder risks.
        let two = try issues { risk(&$0, 1) { $0["premium"] = ["rule": "remainder"] } }
        #expect(two.map(\.key) == ["tariff.premium.remainder_duplicate"])
        // No remainder and a main sum that is not typed: nothing ties payment and sum.
        let none = try issues { risk(&$0, 0) { $0["premium"] = ["rule": "shareOfPayment", "share": "0.9"] } }
        #expect(none.map(\.key) == ["tariff.rules.not_closed"])
        // Input sum on a rider.
        let input = try issues { risk(&$0, 3) { $0["sumInsured"] = ["rule": "input"] } }
        #expect(input.map { "\($0.path) \($0.key)" } == ["risks[3].sumInsured.rule tariff.sum.input_not_main"])
        // Remainder on an optional risk and an optional main risk.
        let optional = try issues { risk(&$0, 0) { $0["mandatory"] = false } }
        #expect(Set(optional.map(\.key)) == ["tariff.premium.remainder_optional", "tariff.main_risk.optional"])
    }

    @Test func numbersOutOfRange() throws {
        let found = try issues { o in
            risk(&o, 0) { $0["sumInsured"] = ["rule": "accumulation", "annualRate": "6.342"] }
            risk(&o, 1) { $0["sumInsured"] = ["rule": "ratio", "of": "survival", "divisor": "0"] }
            risk(&o, 2) { $0["sumInsured"] = ["rule": "ratio", "of": "accidentDisability"] }
            risk(&o, 3) { $0["sumInsured"] = ["rule": "ratio", "of": "accidentDeath"] }
            o["premiumLimits"] = ["annual": ["min": "30000.001", "max": "1"], "semiAnnual": ["min": "1", "max": "2"],
                                  "quarterly": ["min": "1", "max": "2"], "monthly": ["min": "1", "max": "2"]]
        }
        let pairs = Set(found.map { "\($0.path) \($0.key)" })
        #expect(pairs == [
            "risks[0].sumInsured.annualRate tariff.rate.out_of_range",
            "risks[1].sumInsured.divisor tariff.number.not_positive",
            "risks[2].sumInsured.of tariff.sum.ratio_cycle",
            "risks[3].sumInsured.of tariff.sum.ratio_cycle",
            "premiumLimits.annual.min tariff.amount.precision",
            "premiumLimits.annual tariff.range.invalid",
        ])
    }

    @Test func catalogRejectsTheSameVersionTwice() throws {
        let product = try #require(TariffLoader.load(original).success)
        let rejection = ProductCatalog.make([product, product]).failure
        #expect(rejection?.issues.map(\.key) == ["tariff.catalog.duplicate_version"])
    }

    @Test func issuesNameThePathAndTheRepeatedValue() throws {
        let found = try issues { $0["terms"] = [5, 5] }
        let issue = try #require(found.first)
        #expect(issue.path == "terms[1]" && issue.key == "tariff.list.duplicate")
        #expect(PricingMessages.located(issue, message: PricingMessages.fill("«{value}»", arguments: issue.arguments)) == "terms[1]: «5»")
    }
}
