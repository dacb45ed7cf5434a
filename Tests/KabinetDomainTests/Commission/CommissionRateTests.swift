import Foundation
import Testing
@testable import KabinetDomain

/// Rate selection by payment date and the validation of the rate form (overlaps refused).
@Suite struct CommissionRateTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let rates = [
        CommissionRate(agreement: "1000002", productCode: "product-1", percent: 10, validFrom: day("2026-01-01"),
                       validTo: day("2026-06-30")),
        CommissionRate(agreement: "1000002", productCode: "product-1", percent: Decimal(string: "12.5")!,
                       validFrom: day("2026-07-01")),
        CommissionRate(agreement: "1000003", productCode: "product-1", percent: 7, validFrom: day("2026-01-01")),
    ]

    @Test func picksTheRateValidOnThePaymentDay() {
        // given the rates above
        // when / then: the last day of the old rate, the first of the new, before any, another agreement
        #expect(CommissionRates.rate(agreement: "1000002", productCode: "product-1", on: Self.day("2026-06-30"),
                                     in: Self.rates)?.percent == 10)
        #expect(CommissionRates.rate(agreement: "1000002", productCode: "product-1", on: Self.day("2026-07-01"),
                                     in: Self.rates)?.percent == Decimal(string: "12.5"))
        #expect(CommissionRates.rate(agreement: "1000002", productCode: "product-1", on: Self.day("2025-12-31"),
                                     in: Self.rates) == nil)
        #expect(CommissionRates.rate(agreement: "1000003", productCode: "product-1", on: Self.day("2030-01-01"),
                                     in: Self.rates)?.percent == 7)
        #expect(CommissionRates.rate(agreement: "1000002", productCode: "product-2", on: Self.day("2026-07-01"),
                                     in: Self.rates) == nil)
    }

    @Test func acceptsAValidRate() throws {
        // when
        let result = CommissionRateValidator.validate(agreement: "1000003", productCode: "product-2", percent: " 12,75 % ",
                                                      validFrom: "01.02.2026", validTo: "2026-12-31", existing: Self.rates)
        // then
        let rate = try result.get()
        #expect(rate.percent == Decimal(string: "12.75"))
        #expect(rate.percentText == "12.75")
        #expect(rate.russianPercent == "12,75 %")
        #expect(rate.validTo == Self.day("2026-12-31"))
    }

    @Test func refusesAnOverlappingPeriodWithAClearMessage() {
        // when: an open-ended 15 % from 01.06.2026 meets both rates of 1000002/product-1
        let result = CommissionRateValidator.validate(agreement: "1000002", productCode: "product-1", percent: "15",
                                                      validFrom: "2026-06-01", validTo: "", existing: Self.rates)
        // then
        guard case .failure(let problems) = result else { Issue.record("accepted an overlap"); return }
        #expect(problems.problems == [CommissionProblem("validFrom", "commission.error.overlap", ["10 %", "01.01.2026", "30.06.2026"])])
        // and a period that ends the day before the first rate starts is fine
        let before = CommissionRateValidator.validate(agreement: "1000002", productCode: "product-1", percent: "15",
                                                      validFrom: "2025-01-01", validTo: "2025-12-31", existing: Self.rates)
        #expect((try? before.get()) != nil)
    }

    @Test(arguments: [
        ("", "2026-01-01", "", "percent", "commission.error.required"),
        ("abc", "2026-01-01", "", "percent", "commission.error.percent"),
        ("0", "2026-01-01", "", "percent", "commission.error.percent_range"),
        ("100.01", "2026-01-01", "", "percent", "commission.error.percent_range"),
        ("1.00001", "2026-01-01", "", "percent", "commission.error.percent_digits"),
        ("5", "", "", "validFrom", "commission.error.required"),
        ("5", "31.02.2026", "", "validFrom", "commission.error.date"),
        ("5", "2026-03-01", "2026-02-28", "validTo", "commission.error.order"),
        ("5", "2026-03-01", "soon", "validTo", "commission.error.date"),
    ])
    func refusesBadInput(percent: String, from: String, to: String, field: String, key: String) {
        let result = CommissionRateValidator.validate(agreement: "2000001", productCode: "product-1", percent: percent,
                                                      validFrom: from, validTo: to, existing: [])
        guard case .failure(let problems) = result else { Issue.record("accepted \(percent) \(from) \(to)"); return }
        #expect(problems.problems.map(\.field) == [field])
        #expect(problems.problems.map(\.key) == [key])
    }

    @Test func closingARateSetsItsLastDay() throws {
        // given the open-ended 12,5 %
        let open = Self.rates[1]
        // when / then
        #expect(try CommissionRateValidator.close(open, lastDay: "2026-09-30", others: Self.rates).get().validTo
            == Self.day("2026-09-30"))
        guard case .failure(let problems) = CommissionRateValidator.close(open, lastDay: "2026-06-01", others: Self.rates)
        else { Issue.record("closed before the start"); return }
        #expect(problems.problems.map(\.key) == ["commission.error.order"])
    }
}
