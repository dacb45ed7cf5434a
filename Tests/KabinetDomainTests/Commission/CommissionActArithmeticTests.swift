import Foundation
import Testing
@testable import KabinetDomain

/// The act's arithmetic: the rate of the payment day, rounding per line to the kopeck, exact totals per currency.
@Suite struct CommissionActArithmeticTests {
    static func paid(_ number: String, _ minor: Int64, _ day: String, product: String = "product-1",
                     agreement: String = "1000002", currency: CurrencyCode = .RUB) -> PaidContract {
        PaidContract(contractID: UUID(), number: number, policyholder: "Иванов Юрий Германович", productCode: product,
                     productName: "Продукт 1", agreement: agreement, paid: Money(minorUnits: minor, currency: currency),
                     paidOn: CalendarDate(day)!)
    }

    static let rates = [
        CommissionRate(agreement: "1000002", productCode: "product-1", percent: Decimal(string: "12.5")!,
                       validFrom: CalendarDate("2026-01-01")!, validTo: CalendarDate("2026-10-15")!),
        CommissionRate(agreement: "1000002", productCode: "product-1", percent: Decimal(string: "7.35")!,
                       validFrom: CalendarDate("2026-10-16")!),
        CommissionRate(agreement: "1000002", productCode: "product-5", percent: 3, validFrom: CalendarDate("2026-01-01")!),
    ]

    @Test func roundsEachLineHalfUpToTheKopeck() {
        // 1 234,57 × 7,35 % = 90,740895 → 90,74; 0,07 × 12,5 % = 0,00875 → 0,01; 333,33 × 12,5 % = 41,66625 → 41,67
        #expect(CommissionCalculator.commission(on: Money(minorUnits: 123_457, currency: .RUB), percent: Decimal(string: "7.35")!)
            == Money(minorUnits: 9074, currency: .RUB))
        #expect(CommissionCalculator.commission(on: Money(minorUnits: 7, currency: .RUB), percent: Decimal(string: "12.5")!)
            == Money(minorUnits: 1, currency: .RUB))
        #expect(CommissionCalculator.commission(on: Money(minorUnits: 33_333, currency: .RUB), percent: Decimal(string: "12.5")!)
            == Money(minorUnits: 4167, currency: .RUB))
    }

    @Test func accruesTheMonthOfOneAgreementAtTheRateOfEachPaymentDay() {
        // given payments of October under two agreements, one in September, one of a product without a rate
        let contracts = [
            Self.paid("5520000003", 123_457, "2026-10-20"),
            Self.paid("5520000001", 100_000_00, "2026-10-01"),
            Self.paid("5520000002", 33_333, "2026-10-15"),
            Self.paid("5520000009", 50_000_00, "2026-09-30"),
            Self.paid("5520000010", 50_000_00, "2026-10-05", agreement: "1000003"),
            Self.paid("5520000011", 10_000_00, "2026-10-06", product: "product-9"),
            Self.paid("5520000012", 1_000_00, "2026-10-31", product: "product-5", currency: .USD),
        ]
        // when
        let accrual = CommissionCalculator.accrue(contracts, agreement: "1000002", month: ActMonth("2026-10")!,
                                                  rates: Self.rates)
        // then: in payment order, each at its day's rate
        #expect(accrual.lines.map(\.contract.number) == ["5520000001", "5520000002", "5520000003", "5520000012"])
        #expect(accrual.lines.map(\.percent) == [Decimal(string: "12.5")!, Decimal(string: "12.5")!, Decimal(string: "7.35")!, 3])
        #expect(accrual.lines.map(\.commission.minorUnits) == [12_500_00, 4167, 9074, 30_00])
        #expect(accrual.unrated.map(\.number) == ["5520000011"])
        // and the totals are the exact sums of the lines, per currency
        let totals = ActTotals(accrual.lines)
        #expect(totals.count == 4)
        #expect(totals.totals.map(\.paid) == [Money(minorUnits: 100_000_00 + 33_333 + 123_457, currency: .RUB),
                                              Money(minorUnits: 1_000_00, currency: .USD)])
        #expect(totals.totals.map(\.commission) == [Money(minorUnits: 12_500_00 + 4167 + 9074, currency: .RUB),
                                                    Money(minorUnits: 30_00, currency: .USD)])
    }

    @Test func emptyMonthHasNoLinesAndNoTotals() {
        let accrual = CommissionCalculator.accrue([], agreement: "1000002", month: ActMonth("2026-10")!, rates: Self.rates)
        #expect(accrual.lines.isEmpty)
        #expect(ActTotals(accrual.lines).totals.isEmpty)
    }

    @Test func monthsParseAndStep() {
        #expect(ActMonth("2026-01")?.previous.description == "2025-12")
        #expect(ActMonth("2026-03")?.lastDay == CalendarDate("2026-03-31"))
        #expect(ActMonth("2024-02")?.lastDay == CalendarDate("2024-02-29"))
        #expect(ActMonth("2026-13") == nil)
        #expect(ActMonth("26-01") == nil)
        #expect(ActMonth(containing: CalendarDate("2026-11-23")!).description == "2026-11")
        #expect(ActStatus.generated.canDecide && !ActStatus.approved.canDecide && ActStatus.returned.canRegenerate)
    }
}
