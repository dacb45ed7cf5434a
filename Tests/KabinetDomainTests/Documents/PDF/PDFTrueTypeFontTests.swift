import Foundation
import Testing
@testable import KabinetDomain

/// Reading DejaVu Sans: cmap lookup, metrics in 1/1000 em, text measuring.
@Suite(.enabled(if: PDFTestSupport.fontsAvailable))
struct PDFTrueTypeFontTests {
    @Test func mapsCyrillicToGlyphs() throws {
        // given
        let font = try PDFTestSupport.fonts().regular
        // when
        let zhe = font.glyphID(for: "Ж")
        // then
        #expect(zhe != nil)
        #expect(zhe != 0)
        #expect(font.glyphID(for: "ж") != zhe)
        #expect(font.advanceWidth(ofGlyph: zhe ?? 0) > 0)
    }

    @Test func readsDescriptorMetrics() throws {
        let font = try PDFTestSupport.fonts().regular
        #expect(font.unitsPerEm == 2048)
        #expect(font.numberOfGlyphs > 3000)
        #expect(font.postScriptName == "DejaVuSans")
        #expect(font.ascent > 0 && font.descent < 0 && font.capHeight > 0)
        #expect(font.boundingBox.count == 4)
        #expect(!font.isBold)
        #expect(try PDFTestSupport.fonts().bold.isBold)
    }

    @Test func measuresTextConsistently() throws {
        // given
        let font = try PDFTestSupport.fonts().regular
        // when
        let at10 = font.width(of: "Привет", size: 10)
        let at20 = font.width(of: "Привет", size: 20)
        let sum = "Привет".unicodeScalars.reduce(0) { $0 + font.advanceWidth(ofGlyph: font.glyphOrNotdef(for: $1)) }
        // then
        #expect(at10 > 0)
        #expect(abs(at20 - 2 * at10) < 0.0001)
        #expect(abs(at10 - Double(sum) / 100) < 0.0001)
        #expect(font.width(of: "Привет мир", size: 10) > at10)
        #expect(font.width(of: "", size: 10) == 0)
    }

    @Test func missingCharacterFallsBackToNotdef() throws {
        let font = try PDFTestSupport.fonts().regular
        let privateUse = Unicode.Scalar(0xF8FF as UInt32)!
        #expect(font.glyphID(for: privateUse) == nil)
        #expect(font.glyphOrNotdef(for: privateUse) == 0)
        #expect(font.width(of: String(Character(privateUse)), size: 10) > 0)
    }

    @Test func rejectsFilesThatAreNotFonts() {
        #expect(throws: TrueTypeError.notTrueType) { try TrueTypeFont(data: Data("%PDF-1.7 not a font".utf8)) }
        #expect(throws: TrueTypeError.truncated) { try TrueTypeFont(data: Data([0, 1, 0, 0, 0, 9])) }
        #expect(throws: TrueTypeError.unreadable(path: "/nonexistent.ttf")) { try TrueTypeFont(contentsOfFile: "/nonexistent.ttf") }
    }
}
