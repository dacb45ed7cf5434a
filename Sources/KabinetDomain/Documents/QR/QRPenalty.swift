/// The mask evaluation score of ISO/IEC 18004 §7.8.3 (Table 11): lower is better.
///
/// Rules: N1 runs of ≥5 same-colour modules in a row/column (3 + run−5 each), N2 2×2 same-colour
/// blocks (3 each), N3 the finder-like 1:1:3:1:1 pattern with 4 light modules on one side (40
/// each), N4 deviation of the dark share from 50 % (10 per full 5 %).
///
/// N3 follows the reference encoder (segno) exactly, including its reading of the edge: modules
/// outside the symbol count as light, and after a counted pattern the scan resumes behind it.
/// Encoders that differ here pick a different mask for a few inputs; both symbols decode, but
/// matching the reference lets the tests compare whole matrices for the automatic choice too.
enum QRPenalty {
    static func score(_ matrix: QRMatrix) -> Int {
        let size = matrix.size
        let dark = matrix.dark
        var total = 0
        for y in 0..<size {
            let row = Array(dark[(y * size)..<((y + 1) * size)])
            let column = stride(from: y, to: size * size, by: size).map { dark[$0] }
            total += runPenalty(row) + runPenalty(column)
            total += finderLikePenalty(row) + finderLikePenalty(column)
        }
        for y in 1..<size {
            for x in 1..<size {
                let here = y * size + x, above = here - size
                let colour = dark[here]
                if dark[here - 1] == colour, dark[above] == colour, dark[above - 1] == colour {
                    total += 3
                }
            }
        }
        // k = ⌊|dark% − 50| / 5⌋ in integers: |20·dark − 10·total| / total.
        let cells = size * size
        let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
        total += 10 * (abs(20 * darkCount - 10 * cells) / cells)
        return total
    }

    /// N1 for one line.
    static func runPenalty(_ line: [Bool]) -> Int {
        var penalty = 0
        var run = 1
        for i in 1..<line.count {
            if line[i] == line[i - 1] {
                run += 1
            } else {
                if run >= 5 { penalty += run - 2 }
                run = 1
            }
        }
        if run >= 5 { penalty += run - 2 }
        return penalty
    }

    private static let finderLike: [Bool] = [true, false, true, true, true, false, true]

    /// N3 for one line: dark-light-dark³-light-dark with four light modules before or after.
    static func finderLikePenalty(_ line: [Bool]) -> Int {
        let n = line.count
        var penalty = 0
        var start = 0
        while start + 7 <= n {
            guard line[start], (1..<7).allSatisfy({ line[start + $0] == finderLike[$0] }) else {
                start += 1
                continue
            }
            let lightBefore = !line[max(start - 4, 0)..<start].contains(true)
            let lightAfter = !line[(start + 7)..<min(start + 11, n)].contains(true)
            if lightBefore || lightAfter {
                penalty += 40
                start += 7
            } else {
                start += 1
            }
        }
        return penalty
    }
}
