/// Turns the payload bytes into the data codewords of one version (ISO/IEC 18004 §7.4).
///
/// Only byte mode is implemented: payment links and URLs are mixed-case with punctuation, so
/// numeric/alphanumeric segments would save little, and a single mode keeps the symbol easy to
/// reason about and to compare with reference encoders. No ECI header is written; readers
/// (and every Russian banking app) treat byte-mode content as UTF-8 in practice.
enum QRDataEncoder {
    /// Mode indicator 0100 (Table 2).
    private static let byteModeIndicator = 0b0100

    /// Bits of the segment before padding: mode + count + payload.
    static func bitLength(byteCount: Int, version: QRVersion) -> Int {
        4 + version.characterCountBits + byteCount * 8
    }

    /// The smallest version at `correction` whose byte capacity holds `byteCount` bytes.
    static func smallestVersion(for byteCount: Int, correction: QRCorrection) -> QRVersion? {
        QRVersion.range.lazy
            .map { QRVersion(number: $0, correction: correction) }
            .first { $0.byteCapacity >= byteCount }
    }

    /// Data codewords: segment, terminator (up to four 0 bits), zero bits to the byte boundary,
    /// then the alternating pad codewords 0xEC 0x11 until the version's data capacity is full.
    /// - Precondition: the payload fits (`version.byteCapacity >= bytes.count`).
    static func dataCodewords(for bytes: [UInt8], version: QRVersion) -> [UInt8] {
        precondition(version.byteCapacity >= bytes.count, "payload does not fit the version")
        let capacityBits = version.dataCodewords * 8
        var bits = QRBitBuffer()
        bits.append(byteModeIndicator, count: 4)
        bits.append(bytes.count, count: version.characterCountBits)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        bits.append(0, count: min(4, capacityBits - bits.count))
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < version.dataCodewords {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}

/// Append-only big-endian bit sequence; QR fields are MSB first and not byte aligned.
struct QRBitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        precondition(count >= 0 && (count == 0 || value >> count == 0), "value does not fit")
        for shift in stride(from: count - 1, through: 0, by: -1) {
            bits.append((value >> shift) & 1 == 1)
        }
    }

    /// Packs the bits into bytes; callers pad to a multiple of 8 first.
    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].reduce(UInt8(0)) { ($0 << 1) | ($1 ? 1 : 0) }
        }
    }
}
