import Foundation

/// zlib/Flate compression (RFC 1950/1951) in plain Swift, for PDF `/FlateDecode` streams.
///
/// Foundation on Linux has no compression API and the domain target takes no dependencies, so
/// this is a small encoder: LZ77 with hash chains plus the *fixed* Huffman code of RFC 1951.
/// It compresses worse than zlib's dynamic trees but shrinks subset fonts and content
/// streams by well over half, which is what keeps e-mailed contracts small.
enum Deflate {
    private static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
                                     35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2,
                                      3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
                                       513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7,
                                        8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    private static let maxChain = 48
    private static let windowSize = 32768

    /// zlib stream: 2-byte header, one final fixed-Huffman block, Adler-32 trailer.
    static func zlibCompress(_ input: [UInt8]) -> [UInt8] {
        var bits = BitWriter()
        bits.out = [0x78, 0x01]
        bits.write(1, count: 1) // BFINAL
        bits.write(1, count: 2) // BTYPE = 01, fixed Huffman
        input.withUnsafeBufferPointer { compress($0, into: &bits) }
        bits.writeSymbol(256)
        bits.flush()
        bits.out.appendU32(adler32(input))
        return bits.out
    }

    private static func compress(_ input: UnsafeBufferPointer<UInt8>, into bits: inout BitWriter) {
        let count = input.count
        var head = [Int32](repeating: -1, count: 1 << 15)
        var previous = [Int32](repeating: -1, count: count)
        func hash(_ at: Int) -> Int {
            (Int(input[at]) << 10 ^ Int(input[at + 1]) << 5 ^ Int(input[at + 2])) & 0x7FFF
        }
        func insert(_ at: Int) {
            guard at + 2 < count else { return }
            let key = hash(at)
            previous[at] = head[key]
            head[key] = Int32(at)
        }
        var position = 0
        while position < count {
            var bestLength = 0
            var bestDistance = 0
            if position + 2 < count {
                let limit = min(258, count - position)
                var candidate = Int(head[hash(position)])
                var chain = maxChain
                while candidate >= 0, position - candidate <= windowSize, chain > 0 {
                    var length = 0
                    while length < limit, input[candidate + length] == input[position + length] { length += 1 }
                    if length > bestLength {
                        bestLength = length
                        bestDistance = position - candidate
                        if length == limit { break }
                    }
                    candidate = Int(previous[candidate])
                    chain -= 1
                }
            }
            if bestLength >= 3 {
                writeMatch(length: bestLength, distance: bestDistance, into: &bits)
                for offset in 0..<bestLength { insert(position + offset) }
                position += bestLength
            } else {
                bits.writeSymbol(Int(input[position]))
                insert(position)
                position += 1
            }
        }
    }

    private static func writeMatch(length: Int, distance: Int, into bits: inout BitWriter) {
        var code = lengthBase.count - 1
        while lengthBase[code] > length { code -= 1 }
        bits.writeSymbol(257 + code)
        bits.write(UInt32(length - lengthBase[code]), count: lengthExtra[code])
        var distanceCode = distanceBase.count - 1
        while distanceBase[distanceCode] > distance { distanceCode -= 1 }
        bits.writeReversed(UInt32(distanceCode), count: 5)
        bits.write(UInt32(distance - distanceBase[distanceCode]), count: distanceExtra[distanceCode])
    }

    static func adler32(_ input: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        var index = 0
        while index < input.count {
            let end = min(index + 5552, input.count) // largest run without UInt32 overflow
            for byte in input[index..<end] {
                a += UInt32(byte)
                b += a
            }
            a %= 65521
            b %= 65521
            index = end
        }
        return b << 16 | a
    }
}

/// Packs bits least-significant first, as Deflate requires; Huffman codes go in reversed.
private struct BitWriter {
    var out: [UInt8] = []
    private var buffer: UInt64 = 0
    private var filled = 0

    mutating func write(_ value: UInt32, count: Int) {
        guard count > 0 else { return }
        buffer |= UInt64(value) << filled
        filled += count
        while filled >= 8 {
            out.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            filled -= 8
        }
    }

    mutating func writeReversed(_ code: UInt32, count: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<count where code & (1 << bit) != 0 { reversed |= 1 << (count - 1 - bit) }
        write(reversed, count: count)
    }

    /// A literal/length symbol (0…287) in the fixed Huffman code of RFC 1951 §3.2.6.
    mutating func writeSymbol(_ symbol: Int) {
        switch symbol {
        case 0...143: writeReversed(UInt32(0x30 + symbol), count: 8)
        case 144...255: writeReversed(UInt32(0x190 + symbol - 144), count: 9)
        case 256...279: writeReversed(UInt32(symbol - 256), count: 7)
        default: writeReversed(UInt32(0xC0 + symbol - 280), count: 8)
        }
    }

    mutating func flush() {
        if filled > 0 { out.append(UInt8(buffer & 0xFF)) }
        buffer = 0
        filled = 0
    }
}
