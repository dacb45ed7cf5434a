import Foundation
import Testing
@testable import KabinetDomain

/// "603 566,62 ₽" with U+00A0 NO-BREAK SPACE as grouping and before the symbol.
@Suite struct MoneyFormattingTests {
    let nbsp = "\u{00A0}"

    @Test func russianLayoutAsInTheSeed() {
        #expect(Money.rub("603 566,62").formatted() == "603\(nbsp)566,62\(nbsp)₽")
        #expect(Money.rub("99 482,3").formatted() == "99\(nbsp)482,30\(nbsp)₽")
        #expect(Money.rub("195,34").formatted() == "195,34\(nbsp)₽")
        #expect(Money.rub("0,05").formatted() == "0,05\(nbsp)₽")
        #expect(Money.rub("1 000 000").formatted() == "1\(nbsp)000\(nbsp)000,00\(nbsp)₽")
        #expect(Money.rub("-1 234,5").formatted() == "-1\(nbsp)234,50\(nbsp)₽")
    }

    @Test func compactDropsOnlyWholeKopecks() {
        #expect(Money.rub("100 000").formatted(.russianCompact) == "100\(nbsp)000\(nbsp)₽")
        #expect(Money.rub("99 482,3").formatted(.russianCompact) == "99\(nbsp)482,30\(nbsp)₽")
    }

    @Test func englishAndOtherCurrencies() {
        #expect(Money.rub("603 566,62").formatted(.english) == "₽603,566.62")
        #expect(Money(minorUnits: 123_456, currency: .USD).formatted(.english) == "$1,234.56")
        #expect(Money(minorUnits: 123_456, currency: .USD).formatted() == "1\(nbsp)234,56\(nbsp)$")
        #expect(Money(minorUnits: -99, currency: .EUR).formatted(.english) == "-€0.99")
    }

    @Test func amountWithoutSymbol() {
        #expect(Money.rub("49 881,54").formattedAmount == "49\(nbsp)881,54")
    }
}
