import Foundation

/// Bordered tables (e.g. insured persons, payment schedule) with wrapping cells.
extension PDFDocumentBuilder {
    /// A header row (bold, shaded) and body rows; `columnFractions` are shares of the content
    /// width (normalised, equal when nil). Rows never split; the header repeats on a new page.
    public mutating func table(header: [String], rows: [[String]], columnFractions: [Double]? = nil,
                               size: Double? = nil) {
        let columns = max(header.count, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return }
        let fractions = normalised(columnFractions, columns: columns)
        let widths = fractions.map { $0 * page.contentWidth }
        let fontSize = size ?? style.bodySize
        let hasHeader = !header.isEmpty

        if hasHeader { keepTogether(rowHeight(header, widths: widths, weight: .bold, size: fontSize) * 2) }
        if hasHeader { tableRow(header, widths: widths, weight: .bold, size: fontSize, shaded: true) }
        for row in rows {
            let height = rowHeight(row, widths: widths, weight: .regular, size: fontSize)
            if height > remainingHeight, y > page.top + 0.01 {
                pageBreak()
                if hasHeader { tableRow(header, widths: widths, weight: .bold, size: fontSize, shaded: true) }
            }
            tableRow(row, widths: widths, weight: .regular, size: fontSize, shaded: false)
        }
        y += style.blockSpacing
    }

    private func normalised(_ fractions: [Double]?, columns: Int) -> [Double] {
        var values = (fractions ?? []).map { max($0, 0) }
        if values.count < columns || values.reduce(0, +) <= 0 {
            values = Array(repeating: 1, count: columns)
        }
        values = Array(values.prefix(columns))
        let total = values.reduce(0, +)
        return values.map { $0 / total }
    }

    private func cellLines(_ row: [String], widths: [Double], weight: PDFFontWeight, size: Double) -> [[String]] {
        widths.indices.map { column in
            let text = column < row.count ? row[column] : ""
            return wrap(text, weight: weight, size: size, width: widths[column] - style.cellPadding * 2)
        }
    }

    private func rowHeight(_ row: [String], widths: [Double], weight: PDFFontWeight, size: Double) -> Double {
        let lines = cellLines(row, widths: widths, weight: weight, size: size).map(\.count).max() ?? 1
        return Double(lines) * lineHeight(size) + style.cellPadding * 2
    }

    private mutating func tableRow(_ row: [String], widths: [Double], weight: PDFFontWeight, size: Double, shaded: Bool) {
        let cells = cellLines(row, widths: widths, weight: weight, size: size)
        let height = rowHeight(row, widths: widths, weight: weight, size: size)
        var x = page.left
        for (column, lines) in cells.enumerated() {
            let bottom = page.height - y - height
            if shaded { draw(.fill(x: x, y: bottom, width: widths[column], height: height, gray: 0.9)) }
            draw(.stroke(x: x, y: bottom, width: widths[column], height: height, lineWidth: 0.5))
            place(lines, weight: weight, size: size, x: x + style.cellPadding, top: y + style.cellPadding,
                  width: widths[column] - style.cellPadding * 2)
            x += widths[column]
        }
        y += height
    }
}
