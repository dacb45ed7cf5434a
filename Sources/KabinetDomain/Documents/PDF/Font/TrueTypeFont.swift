import Foundation

/// A parsed TrueType (glyf-outline) font: what the PDF writer needs to measure text, map
/// characters to glyph ids and describe the font (ascent, bbox…) in its FontDescriptor.
///
/// Metrics are exposed in PDF glyph space (1/1000 em, rounded to integers) so that text measured
/// for line wrapping uses exactly the widths written into the PDF `/W` array.
public struct TrueTypeFont: Sendable {
    /// Where one table lives inside the file.
    struct TableRecord: Sendable {
        let offset: Int
        let length: Int
    }

    let file: BigEndianBytes
    let tables: [String: TableRecord]
    /// Unicode scalar value → glyph id, from the best cmap subtable.
    let characterMap: [UInt32: UInt16]
    /// Advance width of every glyph in font units (hmtx expanded to numGlyphs).
    let advances: [UInt16]
    let indexToLocFormat: Int16

    public let unitsPerEm: Int
    public let numberOfGlyphs: Int
    /// PostScript name (name id 6) used as the PDF BaseFont, e.g. "DejaVuSans-Bold".
    public let postScriptName: String
    /// Font bounding box in 1/1000 em: xMin, yMin, xMax, yMax.
    public let boundingBox: [Int]
    public let ascent: Int
    public let descent: Int
    public let capHeight: Int
    public let italicAngle: Double
    public let isFixedPitch: Bool
    public let isBold: Bool

    /// Reads a .ttf from disk (e.g. /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf).
    public init(contentsOfFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw TrueTypeError.unreadable(path: path) }
        try self.init(data: data)
    }

    public init(data: Data) throws {
        let file = BigEndianBytes(bytes: [UInt8](data))
        let version = try file.u32(0)
        guard version == 0x0001_0000 || version == 0x7472_7565 else { throw TrueTypeError.notTrueType }
        var tables: [String: TableRecord] = [:]
        for index in 0..<Int(try file.u16(4)) {
            let record = 12 + index * 16
            let tag = String(decoding: try file.slice(record, 4), as: UTF8.self)
            let table = TableRecord(offset: Int(try file.u32(record + 8)), length: Int(try file.u32(record + 12)))
            _ = try file.slice(table.offset, table.length)
            tables[tag] = table
        }
        func table(_ tag: String) throws -> Int {
            guard let record = tables[tag] else { throw TrueTypeError.missingTable(tag) }
            return record.offset
        }
        for required in ["loca", "glyf"] where tables[required] == nil { throw TrueTypeError.missingTable(required) }
        self.file = file
        self.tables = tables

        let head = try table("head")
        let unitsPerEm = max(Int(try file.u16(head + 18)), 1)
        self.unitsPerEm = unitsPerEm
        self.indexToLocFormat = try file.i16(head + 50)
        let scale = { (value: Int16) -> Int in (Int(value) * 1000 / unitsPerEm) }
        boundingBox = try [36, 38, 40, 42].map { scale(try file.i16(head + $0)) }
        isBold = try file.u16(head + 44) & 1 == 1

        let hhea = try table("hhea")
        var ascent = scale(try file.i16(hhea + 4))
        var descent = scale(try file.i16(hhea + 6))
        let numberOfHMetrics = Int(try file.u16(hhea + 34))
        numberOfGlyphs = Int(try file.u16(try table("maxp") + 4))

        var capHeight = ascent
        if let os2 = tables["OS/2"] {
            ascent = scale(try file.i16(os2.offset + 68))
            descent = scale(try file.i16(os2.offset + 70))
            if try file.u16(os2.offset) >= 2, os2.length >= 90 { capHeight = scale(try file.i16(os2.offset + 88)) }
        }
        self.ascent = ascent
        self.descent = descent
        self.capHeight = capHeight

        if let post = tables["post"] {
            italicAngle = Double(Int32(bitPattern: try file.u32(post.offset + 4))) / 65536
            isFixedPitch = try file.u32(post.offset + 12) != 0
        } else {
            italicAngle = 0
            isFixedPitch = false
        }

        advances = try Self.readAdvances(file, hmtx: try table("hmtx"), metrics: numberOfHMetrics, glyphs: numberOfGlyphs)
        characterMap = try TrueTypeCharacterMap.parse(file, cmap: try table("cmap"))
        postScriptName = (try? TrueTypeNames.postScriptName(file, tables["name"].map { $0.offset })) ?? "EmbeddedFont"
    }

    /// hmtx stores advances only for the first numberOfHMetrics glyphs; the rest repeat the last.
    private static func readAdvances(_ file: BigEndianBytes, hmtx: Int, metrics: Int, glyphs: Int) throws -> [UInt16] {
        guard metrics > 0 else { throw TrueTypeError.unsupported("hhea.numberOfHMetrics = 0") }
        var advances: [UInt16] = []
        advances.reserveCapacity(glyphs)
        for glyph in 0..<min(metrics, glyphs) { advances.append(try file.u16(hmtx + glyph * 4)) }
        let last = advances.last ?? 0
        while advances.count < glyphs { advances.append(last) }
        return advances
    }

    /// Glyph id for a character, nil when the font has no glyph for it.
    public func glyphID(for scalar: Unicode.Scalar) -> UInt16? {
        guard let glyph = characterMap[scalar.value], Int(glyph) < numberOfGlyphs else { return nil }
        return glyph
    }

    /// Glyph id used to draw a character: the mapped glyph or glyph 0 (.notdef) when missing.
    public func glyphOrNotdef(for scalar: Unicode.Scalar) -> UInt16 {
        glyphID(for: scalar) ?? 0
    }

    /// Advance width of a glyph in 1/1000 em, as written to the PDF `/W` array.
    public func advanceWidth(ofGlyph glyph: UInt16) -> Int {
        let raw = Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0
        return (raw * 1000 + unitsPerEm / 2) / unitsPerEm
    }

    /// Width of a string set at `size` points (no kerning, missing characters measured as glyph 0).
    public func width(of text: String, size: Double) -> Double {
        let units = text.unicodeScalars.reduce(0) { $0 + advanceWidth(ofGlyph: glyphOrNotdef(for: $1)) }
        return Double(units) * size / 1000
    }
}
