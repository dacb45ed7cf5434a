import Foundation
import Testing
@testable import KabinetDomain

/// The embedded subset: much smaller than DejaVu Sans and still a valid TrueType font.
@Suite(.enabled(if: PDFTestSupport.fontsAvailable))
struct PDFFontSubsetTests {
    @Test func subsetIsSmallAndReparses() throws {
        // given
        let font = try PDFTestSupport.fonts().regular
        let text = "Иванов Иван Иванович, Йошкар-Ола"
        let used = Set(text.unicodeScalars.map { font.glyphOrNotdef(for: $0) })
        let original = try Data(contentsOf: URL(fileURLWithPath: PDFFontSet.debianRegularPath))
        // when
        let subset = try font.subset(keeping: used)
        let reparsed = try TrueTypeFont(data: subset)
        // then
        #expect(subset.count < original.count / 4)
        for scalar in text.unicodeScalars {
            let glyph = font.glyphOrNotdef(for: scalar)
            #expect(reparsed.glyphID(for: scalar) == glyph)
            #expect(reparsed.advanceWidth(ofGlyph: glyph) == font.advanceWidth(ofGlyph: glyph))
            #expect(try !reparsed.glyphBytes(glyph).isEmpty || scalar == " ")
        }
        #expect(reparsed.unitsPerEm == font.unitsPerEm)
    }

    @Test func unusedGlyphsAreEmptiedAndChecksumHolds() throws {
        // given
        let font = try PDFTestSupport.fonts().regular
        let zhe = try #require(font.glyphID(for: "Ж"))
        // when
        let subset = [UInt8](try font.subset(keeping: [zhe]))
        let reparsed = try TrueTypeFont(data: Data(subset))
        // then: glyph 0 is always kept, an unused glyph below the used one is empty
        #expect(try !reparsed.glyphBytes(0).isEmpty)
        #expect(try reparsed.glyphBytes(font.glyphOrNotdef(for: "A")).isEmpty)
        #expect(reparsed.glyphID(for: "A") == nil)
        #expect(SfntWriter.checksum(subset) == 0xB1B0_AFBA)
    }

    @Test func compositeGlyphsKeepTheirComponents() throws {
        // «Й» is drawn from «И» plus a breve in DejaVu Sans: both must survive subsetting.
        let font = try PDFTestSupport.fonts().regular
        let shortI = try #require(font.glyphID(for: "Й"))
        let components = try font.componentGlyphs(of: shortI)
        let kept = try font.glyphClosure([shortI])
        #expect(!components.isEmpty)
        #expect(kept.contains(0) && kept.contains(shortI))
        #expect(Set(components).isSubset(of: kept))
        let reparsed = try TrueTypeFont(data: try font.subset(keeping: [shortI]))
        for component in components { #expect(try !reparsed.glyphBytes(component).isEmpty) }
    }

    @Test func adler32MatchesReference() {
        #expect(Deflate.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Deflate.adler32([]) == 1)
    }
}
