/// Splits data codewords into Reed–Solomon blocks and interleaves them (ISO/IEC 18004 §7.6).
///
/// Interleaving spreads each block across the whole symbol, so a local smudge damages a few
/// codewords of many blocks instead of many codewords of one block — that is what lets the
/// error correction recover it. Getting the order wrong still yields a plausible-looking
/// symbol that no phone can read, which is why the tests compare with a reference encoder.
enum QRBlockInterleaver {
    /// The final codeword sequence: data codewords column by column across the blocks, then the
    /// error correction codewords the same way.
    ///
    /// When the total does not divide evenly, the first blocks ("short") carry one data codeword
    /// fewer than the rest ("long"); the missing column slot of a short block is simply skipped.
    static func finalMessage(data: [UInt8], version: QRVersion) -> [UInt8] {
        precondition(data.count == version.dataCodewords, "data must fill the version exactly")
        let blocks = version.blockCount
        let ecLength = version.ecCodewordsPerBlock
        let longBlocks = version.totalCodewords % blocks
        let shortBlocks = blocks - longBlocks
        let shortDataLength = version.totalCodewords / blocks - ecLength
        let generator = QRReedSolomon.generator(degree: ecLength)

        var dataBlocks: [[UInt8]] = []
        var ecBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<blocks {
            let length = shortDataLength + (index < shortBlocks ? 0 : 1)
            let block = Array(data[start..<(start + length)])
            start += length
            dataBlocks.append(block)
            ecBlocks.append(QRReedSolomon.remainder(of: block, generator: generator))
        }

        var result: [UInt8] = []
        result.reserveCapacity(version.totalCodewords)
        for column in 0...shortDataLength {
            for block in dataBlocks where column < block.count {
                result.append(block[column])
            }
        }
        for column in 0..<ecLength {
            for block in ecBlocks {
                result.append(block[column])
            }
        }
        return result
    }
}
