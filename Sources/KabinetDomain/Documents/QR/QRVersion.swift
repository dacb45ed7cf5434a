/// Geometry and capacity of one QR version (1–40) at one error-correction level.
///
/// The two tables below are ISO/IEC 18004 Table 9 reduced to what the encoder needs: error
/// correction codewords per block and the number of blocks. Everything else (symbol size, raw
/// codeword count, the split into short and long blocks) follows from formulas, which keeps
/// the hand-typed data small enough to check against the standard at a glance.
struct QRVersion: Sendable, Equatable {
    static let range = 1...40

    let number: Int
    let correction: QRCorrection

    /// Modules per side: 21 for version 1, four more per version.
    var size: Int { number * 4 + 17 }

    /// Byte mode's character count indicator is 8 bits up to version 9, 16 bits after (Table 3).
    var characterCountBits: Int { number <= 9 ? 8 : 16 }

    /// Error correction codewords in every block.
    var ecCodewordsPerBlock: Int { Self.ecCodewordsPerBlock[correction.rawValue][number] }

    /// How many Reed–Solomon blocks the message is split into.
    var blockCount: Int { Self.blockCount[correction.rawValue][number] }

    /// All codewords the symbol holds (data + error correction), remainder bits excluded.
    var totalCodewords: Int { Self.rawDataModules(number) / 8 }

    /// Codewords left for the message after error correction.
    var dataCodewords: Int { totalCodewords - ecCodewordsPerBlock * blockCount }

    /// Largest byte-mode payload: 4 mode bits + count indicator + 8 bits per byte must fit.
    var byteCapacity: Int {
        min((dataCodewords * 8 - 4 - characterCountBits) / 8, (1 << characterCountBits) - 1)
    }

    /// Row/column centres of alignment patterns (Annex E). Versions ≥ 2 spread `n` centres evenly
    /// between 6 and size−7, with even spacing rounded up to an even number; version 32 is the
    /// one exception the formula cannot produce (step 26 instead of 28).
    var alignmentCenters: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let step = number == 32 ? 26 : (number * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        let tail = (0..<(count - 1)).map { size - 7 - $0 * step }
        return [6] + tail.reversed()
    }

    /// Modules available for data and error correction: the whole square minus finder patterns,
    /// separators, timing, alignment, format and version areas (formula after Nayuki's derivation,
    /// verified against Table 1 in the tests).
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let count = version / 7 + 2
            result -= (25 * count - 10) * count - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    /// Index 0 is unused so that `table[level][version]` reads like the standard.
    private static let ecCodewordsPerBlock: [[Int]] = [
        [0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
         28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
         26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28],
        [0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
         28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
        [0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
         30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30],
    ]

    private static let blockCount: [[Int]] = [
        [0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
         8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25],
        [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
         17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49],
        [0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
         23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68],
        [0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
         25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81],
    ]
}
