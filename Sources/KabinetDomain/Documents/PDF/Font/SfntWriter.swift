import Foundation

/// Assembles TrueType tables into a font file: table directory, 4-byte padding, per-table
/// checksums and the whole-file `head.checkSumAdjustment` that strict readers verify.
enum SfntWriter {
    static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted() // the directory must be sorted by tag
        let count = tags.count
        var power = 1
        var log = 0
        while power * 2 <= count { power *= 2; log += 1 }
        var out: [UInt8] = []
        out.appendU32(0x0001_0000)
        out.appendU16(UInt16(count))
        out.appendU16(UInt16(power * 16))
        out.appendU16(UInt16(log))
        out.appendU16(UInt16(count * 16 - power * 16))
        var offset = 12 + count * 16
        var body: [UInt8] = []
        var headOffset: Int?
        for tag in tags {
            var table = tables[tag] ?? []
            if tag == "head", table.count >= 12 {
                table.setU32(0, at: 8)
                headOffset = offset
            }
            out.append(contentsOf: Array(tag.utf8.prefix(4)))
            out.appendU32(checksum(table))
            out.appendU32(UInt32(offset))
            out.appendU32(UInt32(table.count))
            body.append(contentsOf: table)
            while body.count % 4 != 0 { body.append(0) }
            offset = 12 + count * 16 + body.count
        }
        out.append(contentsOf: body)
        if let headOffset {
            out.setU32(0xB1B0_AFBA &- checksum(out), at: headOffset + 8)
        }
        return out
    }

    /// Sum of big-endian UInt32 words, the table padded with zeros to a multiple of four.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var sum: UInt32 = 0
        var index = 0
        while index < bytes.count {
            var word: UInt32 = 0
            for byte in 0..<4 {
                word = word << 8 | UInt32(index + byte < bytes.count ? bytes[index + byte] : 0)
            }
            sum &+= word
            index += 4
        }
        return sum
    }

    /// A minimal cmap (format 4, platform 3/1) for the kept BMP characters, one segment each.
    /// PDF readers do not need it for Identity-H text, but it keeps the subset a usable font.
    static func minimalCmap(_ map: [UInt32: UInt16]) -> [UInt8] {
        let codes = map.keys.filter { $0 < 0xFFFF }.sorted()
        let segments = codes.count + 1
        var power = 1
        var log = 0
        while power * 2 <= segments { power *= 2; log += 1 }
        var table: [UInt8] = []
        table.appendU16(0)
        table.appendU16(1)
        table.appendU16(3)
        table.appendU16(1)
        table.appendU32(12)
        table.appendU16(4)
        table.appendU16(UInt16(16 + segments * 8))
        table.appendU16(0)
        table.appendU16(UInt16(segments * 2))
        table.appendU16(UInt16(power * 2))
        table.appendU16(UInt16(log))
        table.appendU16(UInt16(segments * 2 - power * 2))
        for code in codes { table.appendU16(UInt16(code)) }
        table.appendU16(0xFFFF)
        table.appendU16(0)
        for code in codes { table.appendU16(UInt16(code)) }
        table.appendU16(0xFFFF)
        for code in codes { table.appendU16(UInt16(truncatingIfNeeded: Int(map[code] ?? 0) - Int(code))) }
        table.appendU16(1)
        for _ in 0..<segments { table.appendU16(0) }
        return table
    }
}
