import Foundation

/// The glyphs one font actually drew, with the text each glyph stands for.
struct PDFFontUsage {
    /// Glyph id → the characters it represents (first occurrence wins), for /ToUnicode.
    private(set) var text: [UInt16: String] = [:]

    var glyphs: Set<UInt16> { Set(text.keys) }

    mutating func record(glyph: UInt16, scalar: Unicode.Scalar) {
        if text[glyph] == nil { text[glyph] = String(Character(scalar)) }
    }
}

/// Writes one TrueType font as a Type0 / CIDFontType2 font with Identity-H encoding.
///
/// Identity-H means the two-byte codes in content strings are glyph ids, so any character the
/// font has can be drawn; /ToUnicode maps them back so readers can copy and search the text.
enum PDFFontEmbedder {
    /// Returns the object number of the Type0 font dictionary to put into page resources.
    static func embed(_ font: TrueTypeFont, usage: PDFFontUsage, into writer: inout PDFFileWriter) throws -> Int {
        let type0 = writer.reserve()
        let cidFont = writer.reserve()
        let descriptor = writer.reserve()
        let fontFile = writer.reserve()
        let toUnicode = writer.reserve()
        let baseName = subsetTag(usage.glyphs) + "+" + font.postScriptName

        let subset = try font.subset(keeping: usage.glyphs)
        writer.setStream(fontFile, Array(subset), extra: "/Length1 \(subset.count)")
        writer.setStream(toUnicode, Array(toUnicodeCMap(usage).utf8))

        writer.set(type0, "<< /Type /Font /Subtype /Type0 /BaseFont /\(baseName) /Encoding /Identity-H"
            + " /DescendantFonts [\(cidFont) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        writer.set(cidFont, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(baseName)"
            + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
            + " /FontDescriptor \(descriptor) 0 R /DW \(font.advanceWidth(ofGlyph: 0))"
            + " /W \(widths(font, glyphs: usage.glyphs.union([0]))) /CIDToGIDMap /Identity >>")
        var flags = 32 // nonsymbolic: Latin and Cyrillic text
        if font.isFixedPitch { flags |= 1 }
        if font.italicAngle != 0 { flags |= 64 }
        if font.isBold { flags |= 1 << 18 }
        writer.set(descriptor, "<< /Type /FontDescriptor /FontName /\(baseName) /Flags \(flags)"
            + " /FontBBox [\(font.boundingBox.map(String.init).joined(separator: " "))]"
            + " /ItalicAngle \(PDFSyntax.number(font.italicAngle)) /Ascent \(font.ascent) /Descent \(font.descent)"
            + " /CapHeight \(font.capHeight) /StemV \(font.isBold ? 120 : 80) /FontFile2 \(fontFile) 0 R >>")
        return type0
    }

    /// `/W` array grouped into runs of consecutive glyph ids: `[3 [600 610] 40 [500]]`.
    static func widths(_ font: TrueTypeFont, glyphs: Set<UInt16>) -> String {
        var parts: [String] = []
        var run: [UInt16] = []
        func flush() {
            guard let first = run.first else { return }
            parts.append("\(first) [" + run.map { String(font.advanceWidth(ofGlyph: $0)) }.joined(separator: " ") + "]")
            run = []
        }
        for glyph in glyphs.sorted() {
            if let last = run.last, last + 1 != glyph { flush() }
            run.append(glyph)
        }
        flush()
        return "[" + parts.joined(separator: " ") + "]"
    }

    /// The standard ToUnicode CMap program; bfchar blocks hold at most 100 entries each.
    static func toUnicodeCMap(_ usage: PDFFontUsage) -> String {
        let entries = usage.text.filter { $0.key != 0 }.sorted { $0.key < $1.key }
        var cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            + "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            + "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        var start = 0
        while start < entries.count {
            let block = entries[start..<min(start + 100, entries.count)]
            cmap += "\(block.count) beginbfchar\n"
            for (glyph, text) in block {
                cmap += "<\(PDFSyntax.hex4(glyph))> <" + text.utf16.map(PDFSyntax.hex4).joined() + ">\n"
            }
            cmap += "endbfchar\n"
            start += 100
        }
        return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    }

    /// Six capital letters derived from the glyph set: the PDF convention marking a subset,
    /// computed (not random) so the same document always produces the same bytes.
    static func subsetTag(_ glyphs: Set<UInt16>) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for glyph in glyphs.sorted() {
            hash = (hash ^ UInt64(glyph)) &* 0x100_0000_01B3
        }
        return String((0..<6).map { index in
            Character(Unicode.Scalar(UInt8(65 + (hash >> (UInt64(index) * 8)) % 26)))
        })
    }
}
