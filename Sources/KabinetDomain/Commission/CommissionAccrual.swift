import Foundation

/// A paid contract as the act generator sees it: what was paid, when (the Moscow day), under which agreement.
public struct PaidContract: Sendable, Hashable {
    public var contractID: UUID
    public var number: String
    public var policyholder: String
    public var productCode: String
    public var productName: String
    public var agreement: String
    public var paid: Money
    public var paidOn: CalendarDate

    public init(contractID: UUID, number: String, policyholder: String, productCode: String, productName: String,
                agreement: String, paid: Money, paidOn: CalendarDate) {
        self.contractID = contractID
        self.number = number
        self.policyholder = policyholder
        self.productCode = productCode
        self.productName = productName
        self.agreement = agreement
        self.paid = paid
        self.paidOn = paidOn
    }
}

/// One line of an act: the contract, the rate in force on its payment date, and the commission on it.
public struct AccrualLine: Sendable, Hashable {
    public var contract: PaidContract
    public var percent: Decimal
    public var commission: Money

    public init(contract: PaidContract, percent: Decimal, commission: Money) {
        self.contract = contract
        self.percent = percent
        self.commission = commission
    }
}

/// What an act is made of: the lines that earned commission and the paid contracts no rate covered (shown to the
/// back office, so a missing rate is fixed before the act is approved rather than silently paying nothing).
public struct Accrual: Sendable, Hashable {
    public var lines: [AccrualLine]
    public var unrated: [PaidContract]
}

/// The commission arithmetic of agent acts.
public enum CommissionCalculator {
    /// Commission on one payment: paid × percent / 100, rounded half away from zero to the kopeck (cent) per line,
    /// as an accountant rounds each line of an act; nil only on overflow.
    public static func commission(on paid: Money, percent: Decimal) -> Money? {
        paid.multiplied(by: percent / 100)
    }

    /// The lines of an act for one agreement and month: every contract paid in `month` under `agreement`, at the
    /// rate valid on its payment date, in payment order (then by number, so the order is stable).
    public static func accrue(_ contracts: [PaidContract], agreement: String, month: ActMonth,
                              rates: [CommissionRate]) -> Accrual {
        var lines: [AccrualLine] = []
        var unrated: [PaidContract] = []
        let ordered = contracts.filter { $0.agreement == agreement && month.contains($0.paidOn) }
            .sorted { ($0.paidOn, $0.number) < ($1.paidOn, $1.number) }
        for contract in ordered {
            guard let rate = CommissionRates.rate(agreement: agreement, productCode: contract.productCode,
                                                  on: contract.paidOn, in: rates),
                  let commission = commission(on: contract.paid, percent: rate.percent)
            else {
                unrated.append(contract)
                continue
            }
            lines.append(AccrualLine(contract: contract, percent: rate.percent, commission: commission))
        }
        return Accrual(lines: lines, unrated: unrated)
    }
}

/// An act's totals: one per currency (a rouble and a dollar contract are never added together), each the exact
/// sum of its rounded lines, so the total always equals what the lines show.
public struct ActTotals: Sendable, Hashable {
    public struct Total: Sendable, Hashable {
        public var count: Int
        public var paid: Money
        public var commission: Money
    }

    public var totals: [Total]

    /// Lines given as (paid, commission) pairs; totals in alphabetical currency order (EUR, RUB, USD), so the
    /// order does not depend on which contract came first.
    public init(_ lines: [(paid: Money, commission: Money)]) {
        var byCurrency: [CurrencyCode: Total] = [:]
        for line in lines {
            var total = byCurrency[line.paid.currency]
                ?? Total(count: 0, paid: .zero(line.paid.currency), commission: .zero(line.paid.currency))
            total.count += 1
            total.paid += line.paid
            total.commission += line.commission
            byCurrency[line.paid.currency] = total
        }
        totals = byCurrency.values.sorted { $0.paid.currency.rawValue < $1.paid.currency.rawValue }
    }

    public init(_ lines: [AccrualLine]) {
        self.init(lines.map { (paid: $0.contract.paid, commission: $0.commission) })
    }

    public var count: Int { totals.reduce(0) { $0 + $1.count } }
}
