import Foundation

/// Reads the `cmap` table into a plain Unicode → glyph dictionary.
///
/// Only the two Unicode formats that matter for real fonts are read: format 12 (full Unicode,
/// preferred when present) and format 4 (the Basic Multilingual Plane, which covers Cyrillic).
enum TrueTypeCharacterMap {
    static func parse(_ file: BigEndianBytes, cmap: Int) throws -> [UInt32: UInt16] {
        var format4: Int?
        var format12: Int?
        for index in 0..<Int(try file.u16(cmap + 2)) {
            let record = cmap + 4 + index * 8
            let platform = try file.u16(record)
            let encoding = try file.u16(record + 2)
            let subtable = cmap + Int(try file.u32(record + 4))
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode else { continue }
            switch try file.u16(subtable) {
            case 12 where format12 == nil: format12 = subtable
            case 4 where format4 == nil: format4 = subtable
            default: continue
            }
        }
        if let format12 { return try parseFormat12(file, at: format12) }
        if let format4 { return try parseFormat4(file, at: format4) }
        throw TrueTypeError.unsupported("no Unicode cmap subtable of format 4 or 12")
    }

    /// Segments of consecutive codes, mapped by delta or through the glyphIdArray.
    static func parseFormat4(_ file: BigEndianBytes, at table: Int) throws -> [UInt32: UInt16] {
        let segments = Int(try file.u16(table + 6)) / 2
        let ends = table + 14
        let starts = ends + segments * 2 + 2
        let deltas = starts + segments * 2
        let rangeOffsets = deltas + segments * 2
        var map: [UInt32: UInt16] = [:]
        for segment in 0..<segments {
            let end = Int(try file.u16(ends + segment * 2))
            let start = Int(try file.u16(starts + segment * 2))
            let delta = Int(try file.u16(deltas + segment * 2))
            let rangeOffsetAt = rangeOffsets + segment * 2
            let rangeOffset = Int(try file.u16(rangeOffsetAt))
            guard start <= end, start != 0xFFFF else { continue }
            for code in start...end {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    glyph = Int(try file.u16(rangeOffsetAt + rangeOffset + (code - start) * 2))
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0 { map[UInt32(code)] = UInt16(glyph) }
            }
        }
        return map
    }

    /// Groups of (startChar, endChar, startGlyph) covering all of Unicode.
    static func parseFormat12(_ file: BigEndianBytes, at table: Int) throws -> [UInt32: UInt16] {
        let groups = Int(try file.u32(table + 12))
        var map: [UInt32: UInt16] = [:]
        for group in 0..<groups {
            let record = table + 16 + group * 12
            let start = try file.u32(record)
            let end = try file.u32(record + 4)
            let glyph = try file.u32(record + 8)
            guard start <= end, end <= 0x10FFFF, end - start < 0x10000 else { continue }
            for code in start...end {
                let mapped = glyph + (code - start)
                if mapped != 0, mapped <= 0xFFFF { map[code] = UInt16(mapped) }
            }
        }
        return map
    }
}

/// Reads the PostScript name from the `name` table, used as the PDF BaseFont.
enum TrueTypeNames {
    static func postScriptName(_ file: BigEndianBytes, _ name: Int?) throws -> String? {
        guard let name else { return nil }
        let count = Int(try file.u16(name + 2))
        let strings = name + Int(try file.u16(name + 4))
        for index in 0..<count {
            let record = name + 6 + index * 12
            guard try file.u16(record + 6) == 6 else { continue }
            let platform = try file.u16(record)
            let bytes = Array(try file.slice(strings + Int(try file.u16(record + 10)), Int(try file.u16(record + 8))))
            let text: String
            if platform == 1 {
                text = String(decoding: bytes, as: UTF8.self)
            } else {
                let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
                text = String(decoding: units, as: UTF16.self)
            }
            // A PDF name must stay plain: keep only printable ASCII without delimiters.
            let clean = String(text.unicodeScalars.filter { $0.isASCII && $0.value > 32 && !"()<>[]{}/%#".unicodeScalars.contains($0) })
            if !clean.isEmpty { return clean }
        }
        return nil
    }
}
