import Foundation
import Testing

@testable import Kabinet

/// The strict reader behind the quote shortcut never reads a body differently from the generated decoder: it
/// either gives up or gives exactly what `JSONDecoder` gives.
@Suite("Flat JSON reader: a subset of JSON read exactly as JSONDecoder reads it")
struct FlatJSONObjectTests {
    static let seed = #"{"productCode":"product-1","startDate":"2026-11-25","frequency":"annual","term":5,"premium":"100000","sex":"male","birthDate":"1992-01-01","risks":["survival","assistance"]}"#

    static func flat(_ text: String) -> Components.Schemas.QuoteInput? {
        FlatJSONObject(Array(text.utf8)[...]).flatMap(Components.Schemas.QuoteInput.init)
    }

    static func decoded(_ text: String) -> Components.Schemas.QuoteInput? {
        try? JSONDecoder().decode(Components.Schemas.QuoteInput.self, from: Data(text.utf8))
    }

    static let ordinary: [String] = [
        seed,
        "\n { \"risks\" : [ ] ,\t\"term\":10, \"sex\":\"female\",\"birthDate\":\"1980-02-29\",\"frequency\":\"monthly\",\r\n"
            + "\"startDate\":\"2026-12-01\",\"productCode\":\"Продукт\",\"basis\":\"sumInsured\",\"sumInsured\":\"1 000,50\"} ",
        edited(#""term":5"#, #""term":-0"#),
        edited(#""term":5"#, #""term":123456789012345678"#),
        edited(#""premium":"100000""#, #""premium":"""#),
    ]

    @Test("Ordinary bodies are read, in any member order and spacing, as JSONDecoder reads them", arguments: ordinary)
    func readsOrdinaryBodies(_ text: String) throws {
        let flat = try #require(Self.flat(text))
        #expect(flat == Self.decoded(text))
    }

    static func edited(_ part: String, _ replacement: String) -> String {
        seed.replacingOccurrences(of: part, with: replacement)
    }

    static let beyondTheSubset: [String] = [
        "", " ", "{", "[]", "null", "{}", "\u{FEFF}" + Self.seed, Self.seed + "x", Self.seed + "{}",
        edited("product-1", #"product\u002d1"#),
        edited("product-1", #"product\"1"#),
        edited("product-1", "product\t1"),
        edited(#""term":5"#, #""term":5.0"#),
        edited(#""term":5"#, #""term":5e0"#),
        edited(#""term":5"#, #""term":05"#),
        edited(#""term":5"#, #""term":"5""#),
        edited(#""term":5"#, #""term":1234567890123456789"#),
        edited(#""term":5"#, #""term":99999999999999999999999"#),
        edited(#""term":5"#, #""term":null"#),
        edited(#""term":5"#, #""term":true"#),
        edited(#""term":5,"#, ""),
        edited(#""term":5"#, #""term":5,"term":5"#),
        edited(#""term":5"#, #""term":5,"extra":1"#),
        edited(#""frequency":"annual""#, #""frequency":"weekly""#),
        edited(#""sex":"male""#, #""sex":"Male""#),
        edited(#""premium":"100000""#, #""premium":100000"#),
        edited(#""premium":"100000""#, #""premium":null"#),
        edited(#""premium":"100000""#, #""basis":"both""#),
        edited(#"["survival","assistance"]"#, #"["survival",1]"#),
        edited(#"["survival","assistance"]"#, #"["survival",]"#),
        edited(#"["survival","assistance"]"#, #"[["survival"]]"#),
        edited(#"["survival","assistance"]"#, #"{"a":"b"}"#),
        edited(",", ",,"),
    ]

    @Test("Anything beyond the subset is left to the generated decoder", arguments: beyondTheSubset)
    func leavesTheRest(_ text: String) {
        #expect(Self.flat(text) == nil)
    }

    @Test("Invalid UTF-8 inside a string is left to the generated decoder")
    func invalidUTF8() {
        var bytes = Array(Self.seed.utf8)
        let index = bytes.firstIndex(of: UInt8(ascii: "1"))!
        bytes[index] = 0xC3
        #expect(FlatJSONObject(bytes[...]) == nil)
    }

    @Test("Thousands of damaged bodies: whatever the reader accepts, JSONDecoder reads the same")
    func damagedBodies() {
        var random = SplitMix64(seed: 42)
        let pieces = ["\"", "\\", "0", "1", ".", "e", "-", ",", ":", "{", "}", "[", "]", " ", "n", "ё", "true", "null", "\u{1}"]
        var accepted = 0
        for round in 0..<6000 {
            // given the body with one to three random cuts, insertions or repeats
            var text = Array(Self.seed)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0..<text.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: text.remove(at: at)
                case 1: text.insert(contentsOf: pieces.randomElement(using: &random)!, at: at)
                default: text.insert(contentsOf: text[at..<min(at + Int.random(in: 1...12, using: &random), text.count)], at: at)
                }
            }
            let body = String(text)
            // when / then
            if let flat = Self.flat(body) {
                accepted += 1
                #expect(flat == Self.decoded(body), "round \(round): \(body)")
            }
        }
        #expect(accepted > 300, "too few damaged bodies still readable: \(accepted)")
    }
}
