import Foundation
import Testing
@testable import KabinetDomain

/// What agents type into «Взнос» and «Страховая сумма».
@Suite struct MoneyParsingTests {
    @Test(arguments: [
        ("100 000", Int64(10_000_000)),
        ("100000", 10_000_000),
        ("100000,50", 10_000_050),
        ("100 000.5", 10_000_050),
        ("100\u{00A0}000,00\u{00A0}₽", 10_000_000),
        ("100\u{202F}000", 10_000_000),
        ("  7 500 ", 750_000),
        (",5", 50),
        ("0", 0),
        ("-12,34", -1234),
        ("RUB 10", 1000),
        ("603 566,62", 60_356_662),
    ])
    func acceptsCommonForms(text: String, minor: Int64) {
        #expect(Money.parse(text, currency: .RUB) == .success(Money(minorUnits: minor, currency: .RUB)))
    }

    @Test(arguments: [
        ("", MoneyParseError.empty),
        ("   ", .empty),
        ("₽", .empty),
        ("12a", .invalidCharacters),
        ("1e5", .invalidCharacters),
        ("١٢", .invalidCharacters),
        (",", .invalidCharacters),
        ("1,000,000", .ambiguousSeparators),
        ("1.000,50", .ambiguousSeparators),
        ("10,005", .tooManyFractionDigits(allowed: 2)),
        ("1234567890123456", .tooLarge),
    ])
    func refusesWithAReason(text: String, error: MoneyParseError) {
        #expect(Money.parse(text, currency: .RUB) == .failure(error))
    }

    @Test func otherCurrencySymbolIsNotSilentlyAccepted() {
        #expect(Money.parse("10 $", currency: .USD) == .success(Money(major: 10, currency: .USD)))
        #expect(Money.parse("10 $", currency: .RUB) == .failure(.invalidCharacters))
    }

    @Test func formattedOutputParsesBack() {
        var random = PricingRandom(seed: 7)
        for _ in 0..<500 {
            let money = Money(minorUnits: Int64.random(in: -10_000_000_000...10_000_000_000, using: &random), currency: .EUR)
            #expect(Money.parse(money.formatted(), currency: .EUR) == .success(money))
            #expect(Money.parse(money.plainString, currency: .EUR) == .success(money))
        }
    }

    @Test func errorKeys() {
        #expect(MoneyParseError.ambiguousSeparators.key == "money.ambiguous_separators")
        for error in [MoneyParseError.empty, .invalidCharacters, .ambiguousSeparators, .tooManyFractionDigits(allowed: 2), .tooLarge] {
            #expect(PricingMessageKey(rawValue: error.key) != nil)
        }
    }
}
