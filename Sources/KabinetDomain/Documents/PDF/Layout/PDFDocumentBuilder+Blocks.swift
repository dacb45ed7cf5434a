import Foundation

/// Structured blocks: label/value rows, the signature stamp and the QR matrix.
extension PDFDocumentBuilder {
    /// One row of a two-column form: label left, value right, both wrapping; kept on one page.
    /// `labelFraction` is the share of the content width given to the label column.
    public mutating func keyValue(_ label: String, _ value: String, labelFraction: Double = 0.38,
                                  valueWeight: PDFFontWeight = .regular) {
        let gap = 8.0
        let labelWidth = page.contentWidth * labelFraction - gap
        let valueWidth = page.contentWidth * (1 - labelFraction)
        let size = style.bodySize
        let labelLines = wrap(label, weight: .regular, size: size, width: labelWidth)
        let valueLines = wrap(value, weight: valueWeight, size: size, width: valueWidth)
        let height = Double(max(labelLines.count, valueLines.count)) * lineHeight(size)
        keepTogether(height)
        place(labelLines, weight: .regular, size: size, x: page.left, top: y, width: labelWidth)
        place(valueLines, weight: valueWeight, size: size, x: page.left + labelWidth + gap, top: y, width: valueWidth)
        y += height + 2
    }

    /// A framed box, e.g. «Подписано простой электронной подписью» / date / evidence id.
    /// The first line is bold; an optional QR matrix sits at the right inside the frame.
    public mutating func stamp(_ lines: [String], matrix: [[Bool]]? = nil, matrixSize: Double = 72,
                               widthFraction: Double = 1.0) {
        let padding = style.cellPadding * 1.5
        let boxWidth = page.contentWidth * min(max(widthFraction, 0.2), 1)
        let qrSize = matrix == nil ? 0 : matrixSize
        let textWidth = boxWidth - padding * 2 - (qrSize > 0 ? qrSize + padding : 0)
        let size = style.bodySize
        var wrapped: [(lines: [String], weight: PDFFontWeight)] = []
        for (index, line) in lines.enumerated() {
            let weight: PDFFontWeight = index == 0 ? .bold : .regular
            wrapped.append((wrap(line, weight: weight, size: size, width: textWidth), weight))
        }
        let textHeight = wrapped.reduce(0) { $0 + Double($1.lines.count) * lineHeight(size) }
        let height = max(textHeight, qrSize) + padding * 2
        keepTogether(height)
        draw(.stroke(x: page.left, y: page.height - y - height, width: boxWidth, height: height, lineWidth: 1))
        var top = y + padding
        for block in wrapped {
            place(block.lines, weight: block.weight, size: size, x: page.left + padding, top: top, width: textWidth)
            top += Double(block.lines.count) * lineHeight(size)
        }
        if let matrix {
            drawModules(matrix, x: page.left + boxWidth - padding - qrSize, top: y + padding, size: qrSize)
        }
        y += height + style.blockSpacing
    }

    /// A square matrix of dark modules (a QR code) `size` points wide, at the cursor.
    /// The caller includes the quiet zone in the matrix if the scanner needs one.
    public mutating func matrix(_ modules: [[Bool]], size: Double, alignment: PDFTextAlignment = .left) {
        keepTogether(size)
        let x = switch alignment {
        case .left: page.left
        case .center: page.left + (page.contentWidth - size) / 2
        case .right: page.left + page.contentWidth - size
        }
        drawModules(modules, x: x, top: y, size: size)
        y += size + style.blockSpacing
    }

    /// Dark modules as rectangles, one per horizontal run, filled as a single path so that
    /// adjacent modules leave no hairline gaps in viewers and the content stream stays short.
    mutating func drawModules(_ modules: [[Bool]], x: Double, top: Double, size: Double) {
        let count = max(modules.count, modules.map(\.count).max() ?? 0)
        guard count > 0 else { return }
        let module = size / Double(count)
        var rectangles: [PDFRectangle] = []
        for (row, cells) in modules.enumerated() {
            var column = 0
            while column < cells.count {
                guard cells[column] else { column += 1; continue }
                let start = column
                while column < cells.count, cells[column] { column += 1 }
                rectangles.append(PDFRectangle(x: x + Double(start) * module, y: page.height - top - Double(row + 1) * module,
                                               width: Double(column - start) * module, height: module))
            }
        }
        draw(.fillPath(rectangles))
    }
}
