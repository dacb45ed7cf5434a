/// Format and version information (ISO/IEC 18004 §7.9, §7.10), written after masking.
///
/// Both are short BCH codes so a reader can recover level, mask and version even from a damaged
/// symbol; each is placed twice for the same reason.
enum QRFormatInformation {
    /// 15 bits: level (2) + mask (3), BCH(15,5) with generator 0x537, XORed with 0x5412 so the
    /// pattern is never all light.
    static func formatBits(correction: QRCorrection, mask: Int) -> Int {
        let data = correction.formatBits << 3 | mask
        return (data << 10 | bchRemainder(data, generator: 0x537, degree: 10)) ^ 0x5412
    }

    /// 18 bits: version (6) + BCH(18,6) remainder with generator 0x1F25.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version, generator: 0x1F25, degree: 12)
    }

    static func write(into matrix: inout QRMatrix, version: QRVersion, mask: Int) {
        let size = matrix.size
        let bits = formatBits(correction: version.correction, mask: mask)
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Copy 1, around the top-left finder: bits 0–7 down column 8, 8–14 leftwards along row 8,
        // skipping the timing pattern at index 6.
        for i in 0...5 { matrix.setFunction(x: 8, y: i, dark: bit(i)) }
        matrix.setFunction(x: 8, y: 7, dark: bit(6))
        matrix.setFunction(x: 8, y: 8, dark: bit(7))
        matrix.setFunction(x: 7, y: 8, dark: bit(8))
        for i in 9..<15 { matrix.setFunction(x: 14 - i, y: 8, dark: bit(i)) }
        // Copy 2: bits 0–7 along row 8 from the right edge, 8–14 up column 8 from the bottom.
        for i in 0..<8 { matrix.setFunction(x: size - 1 - i, y: 8, dark: bit(i)) }
        for i in 8..<15 { matrix.setFunction(x: 8, y: size - 15 + i, dark: bit(i)) }
        // The always-dark module above the bottom-left format copy.
        matrix.setFunction(x: 8, y: size - 8, dark: true)

        guard version.number >= 7 else { return }
        let versionBits = versionBits(version: version.number)
        for i in 0..<18 {
            let value = (versionBits >> i) & 1 == 1
            let a = size - 11 + i % 3, b = i / 3
            matrix.setFunction(x: a, y: b, dark: value)
            matrix.setFunction(x: b, y: a, dark: value)
        }
    }

    /// Remainder of data·x^degree modulo the generator polynomial over GF(2).
    private static func bchRemainder(_ data: Int, generator: Int, degree: Int) -> Int {
        var remainder = data
        for _ in 0..<degree {
            remainder = (remainder << 1) ^ ((remainder >> (degree - 1)) * generator)
        }
        return remainder
    }
}
