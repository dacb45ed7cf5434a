import Foundation
import Testing
@testable import KabinetDomain

/// Cyrillic search normalisation for the contract list («ФИО клиента», «Номер ДС»).
@Suite("Search text normalisation")
struct SearchTextTests {
    @Test("Examples", arguments: [
        ("Сергеев Гарант Проектovich", "сергеев гарант проектovich"),
        ("  СЕРГЕЕВ,   Гарант  ", "сергеев гарант"),
        ("Алёна Королёва", "алена королева"),
        ("ЁЛКИН", "елкин"),
        ("Римский-Корсаков", "римский корсаков"),
        ("Д'Артаньян", "д артаньян"),
        ("№ 5520000025", "5520000025"),
        ("Йогуртов Йожеф", "йогуртов йожеф"),
        ("100%_off", "100 off"),
        ("", ""),
        ("?!.,", ""),
    ])
    func examples(input: String, expected: String) {
        #expect(SearchText.normalize(input) == expected)
    }

    @Test("A decomposed ё (е + combining diaeresis) is still ё, hence е")
    func decomposedYo() {
        #expect(SearchText.normalize("Корол\u{0435}\u{0308}ва") == "королева")
        #expect(SearchText.normalize("\u{0415}\u{0308}ЛКИН") == "елкин")
    }

    @Test("A prefix of the surname is enough")
    func prefix() {
        #expect(SearchText.prefixKey("  Серг ") == "серг")
        #expect(SearchText.prefixKey(" ,. ") == nil)
        #expect(SearchText.matches("Сергеев Гарант Проектovich", prefix: "СЕРГ"))
        #expect(SearchText.matches("Королёва Алёна", prefix: "королев"))
        #expect(!SearchText.matches("Сергеев Гарант", prefix: "Гарант"))
        #expect(SearchText.matches("Иванов-Петров Юрий", prefix: "иванов петров"))
        #expect(SearchText.matches("anything", prefix: ""))
    }

    @Test("Keys never carry LIKE wildcards or escapes")
    func likeSafe() {
        let key = SearchText.prefixKey("50%_Иван\\ов") ?? ""
        #expect(!key.contains("%") && !key.contains("_") && !key.contains("\\"))
    }

    static let alphabet = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯabcXYZ0189 -.,'\"!?()%_\t\n№")

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SearchRandom(seed: seed)
        return (0..<count).map { _ in
            String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
        }
    }

    @Test("Property: normalising twice changes nothing")
    func idempotent() {
        for text in Self.randomTexts(count: 2000, seed: 1) {
            let once = SearchText.normalize(text)
            #expect(SearchText.normalize(once) == once, "\(text.debugDescription)")
        }
    }

    @Test("Property: case does not matter for Cyrillic (and Latin)")
    func caseInsensitive() {
        for text in Self.randomTexts(count: 2000, seed: 2) {
            let normal = SearchText.normalize(text)
            #expect(SearchText.normalize(text.uppercased()) == normal, "\(text.debugDescription)")
            #expect(SearchText.normalize(text.lowercased()) == normal, "\(text.debugDescription)")
        }
    }

    @Test("Property: ё and е are the same letter for search")
    func yoEquivalence() {
        for text in Self.randomTexts(count: 2000, seed: 3) {
            let withoutYo = text.replacingOccurrences(of: "ё", with: "е").replacingOccurrences(of: "Ё", with: "Е")
            #expect(SearchText.normalize(withoutYo) == SearchText.normalize(text), "\(text.debugDescription)")
        }
    }

    @Test("Property: the result has no ё, no upper case, no punctuation, single inner spaces, no outer spaces")
    func shape() {
        for text in Self.randomTexts(count: 2000, seed: 4) {
            let normal = SearchText.normalize(text)
            #expect(!normal.contains("ё") && normal == normal.lowercased())
            #expect(normal.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " })
            #expect(!normal.contains("  ") && !normal.hasPrefix(" ") && !normal.hasSuffix(" "))
        }
    }

    @Test("Property: every name matches a search by any prefix of itself")
    func prefixesMatch() {
        for text in Self.randomTexts(count: 500, seed: 5) {
            for length in 0...text.count {
                let prefix = String(text.prefix(length))
                #expect(SearchText.matches(text, prefix: prefix), "\(text.debugDescription) / \(prefix.debugDescription)")
            }
        }
    }
}

/// SplitMix64, so every run explores the same cases.
struct SearchRandom: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
