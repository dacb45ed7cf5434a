import Foundation

/// One primitive placed on a page, in PDF coordinates (origin bottom-left, points).
///
/// Pages are recorded as lists of these and turned into content streams only in `build()`,
/// after the page count is known (for «Стр. N из M») and the used glyphs can be collected.
enum PDFDrawing: Sendable {
    /// Text on one line; `x` and `baseline` place the start of the baseline.
    case text(String, weight: PDFFontWeight, size: Double, x: Double, baseline: Double)
    case fill(x: Double, y: Double, width: Double, height: Double, gray: Double)
    /// Many black rectangles filled as one path, so touching ones merge without seams (QR codes).
    case fillPath([PDFRectangle])
    case stroke(x: Double, y: Double, width: Double, height: Double, lineWidth: Double)
    case line(x1: Double, y1: Double, x2: Double, y2: Double, lineWidth: Double)
}

struct PDFRectangle: Sendable {
    let x: Double
    let y: Double
    let width: Double
    let height: Double
}

/// Turns a page's drawings into content stream operators and records the glyphs used.
struct PDFContentStream {
    let fonts: PDFFontSet
    var usage: [PDFFontWeight: PDFFontUsage] = [.regular: PDFFontUsage(), .bold: PDFFontUsage()]

    init(fonts: PDFFontSet) {
        self.fonts = fonts
    }

    /// Resource names of the two fonts in every page's /Font dictionary.
    static func resourceName(_ weight: PDFFontWeight) -> String {
        weight == .bold ? "F2" : "F1"
    }

    mutating func render(_ drawings: [PDFDrawing]) -> String {
        let n = PDFSyntax.number
        var ops: [String] = []
        for drawing in drawings {
            switch drawing {
            case let .text(text, weight, size, x, baseline):
                let font = fonts.font(weight)
                var hex = ""
                for scalar in text.unicodeScalars {
                    let glyph = font.glyphOrNotdef(for: scalar)
                    usage[weight, default: PDFFontUsage()].record(glyph: glyph, scalar: scalar)
                    hex += PDFSyntax.hex4(glyph)
                }
                ops.append("BT /\(Self.resourceName(weight)) \(n(size)) Tf \(n(x)) \(n(baseline)) Td <\(hex)> Tj ET")
            case let .fill(x, y, width, height, gray):
                ops.append("\(n(gray)) g \(n(x)) \(n(y)) \(n(width)) \(n(height)) re f 0 g")
            case let .fillPath(rectangles):
                guard !rectangles.isEmpty else { continue }
                let path = rectangles.map { "\(n($0.x)) \(n($0.y)) \(n($0.width)) \(n($0.height)) re" }
                ops.append("0 g " + path.joined(separator: " ") + " f")
            case let .stroke(x, y, width, height, lineWidth):
                ops.append("\(n(lineWidth)) w \(n(x)) \(n(y)) \(n(width)) \(n(height)) re S")
            case let .line(x1, y1, x2, y2, lineWidth):
                ops.append("\(n(lineWidth)) w \(n(x1)) \(n(y1)) m \(n(x2)) \(n(y2)) l S")
            }
        }
        return ops.joined(separator: "\n") + "\n"
    }
}
