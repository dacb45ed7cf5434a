import Foundation

/// Builds a smaller TrueType file that draws only the given glyphs.
///
/// Glyph ids are kept unchanged (so the PDF can use CIDToGIDMap /Identity and nothing needs
/// renumbering, composite references stay valid); unused glyphs get empty outlines and the font
/// is cut after the highest used glyph. What remains is loca/hmtx entries, which Flate shrinks
/// to almost nothing because they repeat.
extension TrueTypeFont {
    /// Tables copied verbatim when present: hinting programs and OS/2 metrics.
    private static let copiedTables = ["cvt ", "fpgm", "prep", "OS/2"]

    /// The subset font file; `glyphs` are the glyph ids drawn, components and glyph 0 are added.
    public func subset(keeping glyphs: Set<UInt16>) throws -> Data {
        let kept = try glyphClosure(glyphs)
        let glyphCount = Int(kept.max() ?? 0) + 1
        var tables: [String: [UInt8]] = [:]
        for tag in Self.copiedTables {
            if let record = tableBytes(tag) { tables[tag] = record }
        }

        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        for glyph in 0..<glyphCount {
            loca.appendU32(UInt32(glyf.count))
            if kept.contains(UInt16(glyph)) {
                glyf.append(contentsOf: try glyphBytes(UInt16(glyph)))
                while glyf.count % 4 != 0 { glyf.append(0) }
            }
        }
        loca.appendU32(UInt32(glyf.count))
        tables["glyf"] = glyf
        tables["loca"] = loca

        var head = try requiredTable("head")
        head.setU16(1, at: 50) // indexToLocFormat: long offsets, as written above
        tables["head"] = head

        let metricsCount = min(Int(try file.u16(try offset(of: "hhea") + 34)), glyphCount)
        var hhea = try requiredTable("hhea")
        hhea.setU16(UInt16(metricsCount), at: 34)
        tables["hhea"] = hhea
        tables["hmtx"] = try subsetMetrics(glyphCount: glyphCount, metricsCount: metricsCount)

        var maxp = try requiredTable("maxp")
        maxp.setU16(UInt16(glyphCount), at: 4)
        tables["maxp"] = maxp

        if var post = tableBytes("post"), post.count >= 32 {
            post = Array(post[0..<32])
            post.setU32(0x0003_0000, at: 0) // version 3: no glyph names, they are not needed
            tables["post"] = post
        }
        tables["cmap"] = SfntWriter.minimalCmap(characterMap.filter { kept.contains($0.value) })
        return Data(SfntWriter.assemble(tables))
    }

    /// hmtx for the first `glyphCount` glyphs: full metrics then left side bearings only.
    private func subsetMetrics(glyphCount: Int, metricsCount: Int) throws -> [UInt8] {
        let hmtx = try offset(of: "hmtx")
        let originalMetrics = Int(try file.u16(try offset(of: "hhea") + 34))
        var out: [UInt8] = []
        for glyph in 0..<glyphCount {
            let bearing: Int16
            if glyph < originalMetrics {
                bearing = try file.i16(hmtx + glyph * 4 + 2)
            } else {
                bearing = (try? file.i16(hmtx + originalMetrics * 4 + (glyph - originalMetrics) * 2)) ?? 0
            }
            if glyph < metricsCount { out.appendU16(advances[glyph]) }
            out.appendI16(bearing)
        }
        return out
    }

    private func tableBytes(_ tag: String) -> [UInt8]? {
        guard let record = tables[tag], let bytes = try? file.slice(record.offset, record.length) else { return nil }
        return Array(bytes)
    }

    private func requiredTable(_ tag: String) throws -> [UInt8] {
        guard let bytes = tableBytes(tag) else { throw TrueTypeError.missingTable(tag) }
        return bytes
    }

    private func offset(of tag: String) throws -> Int {
        guard let record = tables[tag] else { throw TrueTypeError.missingTable(tag) }
        return record.offset
    }
}
