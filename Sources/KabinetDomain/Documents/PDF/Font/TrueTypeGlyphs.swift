import Foundation

/// Access to individual glyph outlines (loca + glyf), needed to copy them into a subset.
extension TrueTypeFont {
    /// Byte range of a glyph's outline inside the file; empty for blank glyphs like the space.
    func glyphBytes(_ glyph: UInt16) throws -> ArraySlice<UInt8> {
        guard Int(glyph) < numberOfGlyphs, let loca = tables["loca"], let glyf = tables["glyf"] else { return [] }
        let start: Int
        let end: Int
        if indexToLocFormat == 0 {
            start = Int(try file.u16(loca.offset + Int(glyph) * 2)) * 2
            end = Int(try file.u16(loca.offset + Int(glyph) * 2 + 2)) * 2
        } else {
            start = Int(try file.u32(loca.offset + Int(glyph) * 4))
            end = Int(try file.u32(loca.offset + Int(glyph) * 4 + 4))
        }
        guard end > start, end <= glyf.length else { return [] }
        return try file.slice(glyf.offset + start, end - start)
    }

    /// Glyphs referenced by a composite glyph (e.g. «Й» built from «И» and a breve).
    func componentGlyphs(of glyph: UInt16) throws -> [UInt16] {
        let outline = BigEndianBytes(bytes: Array(try glyphBytes(glyph)))
        guard outline.count >= 10, try outline.i16(0) < 0 else { return [] }
        var components: [UInt16] = []
        var offset = 10
        while true {
            let flags = try outline.u16(offset)
            components.append(try outline.u16(offset + 2))
            offset += 4
            offset += flags & 0x0001 != 0 ? 4 : 2 // ARG_1_AND_2_ARE_WORDS
            if flags & 0x0008 != 0 { offset += 2 } // WE_HAVE_A_SCALE
            else if flags & 0x0040 != 0 { offset += 4 } // WE_HAVE_AN_X_AND_Y_SCALE
            else if flags & 0x0080 != 0 { offset += 8 } // WE_HAVE_A_TWO_BY_TWO
            guard flags & 0x0020 != 0 else { break } // MORE_COMPONENTS
        }
        return components
    }

    /// The used glyphs plus glyph 0 plus every component they need, transitively.
    func glyphClosure(_ used: Set<UInt16>) throws -> Set<UInt16> {
        var result: Set<UInt16> = []
        var pending = Array(used.filter { Int($0) < numberOfGlyphs }) + [0]
        while let glyph = pending.popLast() {
            guard result.insert(glyph).inserted else { continue }
            pending.append(contentsOf: try componentGlyphs(of: glyph).filter { !result.contains($0) && Int($0) < numberOfGlyphs })
        }
        return result
    }
}
