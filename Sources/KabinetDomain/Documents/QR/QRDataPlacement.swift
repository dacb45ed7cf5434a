/// Places the codeword bits into the matrix and applies data masks (ISO/IEC 18004 §7.7, §7.8).
enum QRDataPlacement {
    /// Bits go MSB first into two-module-wide columns, right to left, alternating upwards and
    /// downwards, skipping function modules. Column 6 is the vertical timing pattern, so the
    /// column pairs left of it shift by one. Modules left over after the last codeword are the
    /// "remainder bits" and stay light.
    static func place(_ codewords: [UInt8], into matrix: inout QRMatrix) {
        let size = matrix.size
        let totalBits = codewords.count * 8
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upwards = (right + 1) & 2 == 0
            for vertical in 0..<size {
                let y = upwards ? size - 1 - vertical : vertical
                for x in [right, right - 1] where !matrix.isFunctionModule(x: x, y: y) && index < totalBits {
                    let bit = (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1
                    matrix.setData(x: x, y: y, dark: bit)
                    index += 1
                }
            }
            right -= 2
        }
        precondition(index == totalBits, "codewords do not fill the symbol's data region")
    }

    /// The eight mask conditions of Table 10; `x` is the column j, `y` the row i.
    static func maskCondition(_ mask: Int, x: Int, y: Int) -> Bool {
        switch mask {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        case 7: ((x + y) % 2 + x * y % 3) % 2 == 0
        default: preconditionFailure("mask pattern must be 0...7")
        }
    }

    /// Applies (or, applied twice, removes) a mask: flips data modules where the condition holds.
    static func applyMask(_ mask: Int, to matrix: inout QRMatrix) {
        for y in 0..<matrix.size {
            for x in 0..<matrix.size where maskCondition(mask, x: x, y: y) {
                matrix.flipData(x: x, y: y)
            }
        }
    }
}
