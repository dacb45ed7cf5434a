import Foundation
import Testing
@testable import KabinetDomain

/// Construction, exactness, rounding and JSON of `Money`.
@Suite struct MoneyTests {
    @Test func exactConversionRefusesFractionsOfAKopeck() {
        #expect(Money(exactly: Decimal(string: "603566.62")!, currency: .RUB)?.minorUnits == 60_356_662)
        #expect(Money(exactly: Decimal(string: "10.005")!, currency: .RUB) == nil)
        #expect(Money(exactly: Decimal(string: "1e30")!, currency: .RUB) == nil)
    }

    @Test func roundingIsHalfAwayFromZero() {
        #expect(Money.rounded(Decimal(string: "49881.5388")!, currency: .RUB)?.minorUnits == 4_988_154)
        #expect(Money.rounded(Decimal(string: "0.005")!, currency: .RUB)?.minorUnits == 1)
        #expect(Money.rounded(Decimal(string: "0.0049")!, currency: .RUB)?.minorUnits == 0)
        #expect(Money.rounded(Decimal(string: "-0.005")!, currency: .RUB)?.minorUnits == -1)
        #expect(Money.rounded(Decimal(string: "2.675")!, currency: .USD)?.minorUnits == 268)
    }

    @Test func arithmeticIsExact() {
        let a = Money(minorUnits: 10, currency: .RUB)
        let b = Money(minorUnits: 20, currency: .RUB)
        #expect((a + b).minorUnits == 30)
        #expect((a - b).minorUnits == -10)
        #expect((-a).minorUnits == -10)
        #expect((a * 12).minorUnits == 120)
        #expect(Money(major: 100_000, currency: .RUB).multiplied(by: Decimal(string: "0.003916")!) == .rub("391,60"))
        #expect(Money.sum([a, b, a], currency: .RUB).minorUnits == 40)
        #expect(Money.sum([], currency: .EUR) == .zero(.EUR))
        // 0.1 + 0.2 == 0.3 exactly, unlike Double.
        #expect(Money.rub("0,1") + Money.rub("0,2") == Money.rub("0,3"))
    }

    @Test func orderingWithinAndAcrossCurrencies() {
        #expect(Money.rub("1") < Money.rub("2"))
        #expect(!(Money.rub("2") < Money.rub("2")))
        let mixed = [Money(major: 1, currency: .USD), Money(major: 5, currency: .EUR), Money(major: 3, currency: .RUB)].sorted()
        #expect(mixed.map(\.currency) == [.EUR, .RUB, .USD])
    }

    @Test func amountAndPlainString() {
        #expect(Money.rub("603 566,62").amount == Decimal(string: "603566.62"))
        #expect(Money.rub("100 000").plainString == "100000.00")
        #expect(Money(minorUnits: -5, currency: .RUB).plainString == "-0.05")
        #expect(Money(minorUnits: 123, currency: .USD).description == "1.23 USD")
    }

    @Test func jsonRoundTripUsesStringAmounts() throws {
        let money = Money.rub("603 566,62")
        let data = try JSONEncoder().encode(money)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"amount\":\"603566.62\""))
        #expect(text.contains("\"currency\":\"RUB\""))
        #expect(try JSONDecoder().decode(Money.self, from: data) == money)
        let integer = try JSONDecoder().decode(Money.self, from: Data(#"{"amount": 100, "currency": "USD"}"#.utf8))
        #expect(integer == Money(major: 100, currency: .USD))
    }

    @Test func jsonRefusesFloatsAndSubKopecks() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"amount": 0.1, "currency": "RUB"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"amount": "0.001", "currency": "RUB"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Money.self, from: Data(#"{"amount": "1", "currency": "GBP"}"#.utf8))
        }
    }

    @Test func currencyMetadata() {
        #expect(CurrencyCode.allCases.map(\.symbol) == ["₽", "$", "€"])
        #expect(CurrencyCode.RUB.russianName == "Российский рубль")
        #expect(CurrencyCode.USD.minorUnitsPerMajor == 100)
    }
}
