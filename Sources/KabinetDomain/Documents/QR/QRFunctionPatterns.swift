/// Draws the version-dependent fixed patterns (ISO/IEC 18004 §6.3) into an empty matrix.
///
/// Format and version areas are reserved here but left light: the mask is chosen first and the
/// information describing it is written afterwards (`QRFormatInformation`). Evaluating masks
/// with these areas light (and the dark module not yet set) is what the reference encoder does.
enum QRFunctionPatterns {
    static func draw(into matrix: inout QRMatrix, version: QRVersion) {
        let size = matrix.size
        // Timing patterns first; the finders drawn next overwrite their ends.
        for i in 0..<size {
            matrix.setFunction(x: 6, y: i, dark: i % 2 == 0)
            matrix.setFunction(x: i, y: 6, dark: i % 2 == 0)
        }
        drawFinder(into: &matrix, centerX: 3, centerY: 3)
        drawFinder(into: &matrix, centerX: size - 4, centerY: 3)
        drawFinder(into: &matrix, centerX: 3, centerY: size - 4)
        drawAlignmentPatterns(into: &matrix, centers: version.alignmentCenters)
        reserveFormatAreas(in: &matrix)
        if version.number >= 7 { reserveVersionAreas(in: &matrix) }
    }

    /// 7×7 finder plus its one-module light separator, clipped at the symbol edge.
    private static func drawFinder(into matrix: inout QRMatrix, centerX: Int, centerY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centerX + dx, y = centerY + dy
                guard (0..<matrix.size).contains(x), (0..<matrix.size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                matrix.setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// 5×5 alignment patterns at every pair of centres except the three finder corners.
    private static func drawAlignmentPatterns(into matrix: inout QRMatrix, centers: [Int]) {
        guard let last = centers.last else { return }
        for cy in centers {
            for cx in centers {
                let overlapsFinder = (cx == 6 && cy == 6) || (cx == 6 && cy == last) || (cx == last && cy == 6)
                if overlapsFinder { continue }
                for dy in -2...2 {
                    for dx in -2...2 {
                        matrix.setFunction(x: cx + dx, y: cy + dy, dark: max(abs(dx), abs(dy)) != 1)
                    }
                }
            }
        }
    }

    /// The two 15-bit format copies around the finders, plus the dark module's position.
    private static func reserveFormatAreas(in matrix: inout QRMatrix) {
        let size = matrix.size
        for i in 0...8 {
            if i != 6 {
                matrix.setFunction(x: 8, y: i, dark: false)
                matrix.setFunction(x: i, y: 8, dark: false)
            }
        }
        for i in 0..<8 {
            matrix.setFunction(x: size - 1 - i, y: 8, dark: false)
            matrix.setFunction(x: 8, y: size - 1 - i, dark: false)
        }
    }

    /// The two 6×3 version blocks next to the top-right and bottom-left finders (version ≥ 7).
    private static func reserveVersionAreas(in matrix: inout QRMatrix) {
        for i in 0..<18 {
            let a = matrix.size - 11 + i % 3, b = i / 3
            matrix.setFunction(x: a, y: b, dark: false)
            matrix.setFunction(x: b, y: a, dark: false)
        }
    }
}
