import Testing

@testable import KabinetDomain

/// The name and number searches as ranges of the normalised column.
@Suite("Search text ranges")
struct SearchTextRangeTests {
    @Test("A prefix range holds exactly the texts that start with the normalised query")
    func prefixRange() throws {
        let range = try #require(SearchText.prefixRange("  СЕМЁН "))
        #expect(range.lower == "семен" && range.upper == "семео")
        for text in ["семен", "семенов иван", "семенова", "семеновых", "семен 2"] {
            #expect(range.lower <= text && text < range.upper, "\(text)")
        }
        for text in ["семе", "семео", "семф", "сему", "иванов", "семем"] {
            #expect(!(range.lower <= text && text < range.upper), "\(text)")
        }
        #expect(SearchText.prefixRange("  ,. ") == nil)
    }

    @Test("The successor raises the last scalar and skips what cannot be raised")
    func successor() {
        #expect(SearchText.successor(of: "а") == "б")
        #expect(SearchText.successor(of: "иванов") == "иваног")
        #expect(SearchText.successor(of: "5520") == "5521")
        #expect(SearchText.successor(of: "a\u{D7FF}") == "a\u{E000}")
        #expect(SearchText.successor(of: "a\u{10FFFF}") == "b")
    }

    @Test("A typed number keeps its digits only")
    func numberPrefix() {
        #expect(SearchText.numberPrefix(" 55 2000-0025 ") == "5520000025")
        #expect(SearchText.numberPrefix("№ 77") == "77")
        #expect(SearchText.numberPrefix("abc") == nil)
        #expect(SearchText.numberPrefix("٣٤") == nil)
    }
}
