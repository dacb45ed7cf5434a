import Foundation

/// Lays out a document top to bottom: each call appends a block below the previous one and
/// starts a new A4 page when the block does not fit. `build()` then writes the PDF.
///
/// ```swift
/// var pdf = PDFDocumentBuilder(fonts: try PDFFontSet(), metadata: PDFMetadata(title: "Полис", author: "Kabinet", creationDate: issued))
/// pdf.heading("Полис № 1000002-17")
/// pdf.keyValue("Страхователь", "Иванов Иван Иванович")
/// pdf.paragraph(conditionsText)
/// let data = try pdf.build()
/// ```
public struct PDFDocumentBuilder: Sendable {
    public let fonts: PDFFontSet
    public var metadata: PDFMetadata
    public let page: PDFPageSetup
    public var style: PDFTextStyle
    /// Footer text for page N of M, drawn centred below the content; nil for no footer.
    public var footer: (@Sendable (_ page: Int, _ of: Int) -> String)? = { "Стр. \($0) из \($1)" }

    /// Drawings of every page so far; the last one is being filled.
    var pages: [[PDFDrawing]] = [[]]
    /// Distance from the top edge of the current page to where the next block starts.
    var y: Double

    public init(fonts: PDFFontSet, metadata: PDFMetadata, page: PDFPageSetup = .a4, style: PDFTextStyle = .standard) {
        self.fonts = fonts
        self.metadata = metadata
        self.page = page
        self.style = style
        self.y = page.top
    }

    public var pageCount: Int { pages.count }

    /// Height left on the current page, e.g. to keep a signature block together.
    public var remainingHeight: Double { page.height - page.bottom - y }

    public mutating func pageBreak() {
        pages.append([])
        y = page.top
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is still empty).
    public mutating func keepTogether(_ height: Double) {
        if height > remainingHeight, y > page.top + 0.01 { pageBreak() }
    }

    public mutating func space(_ points: Double) {
        y = min(y + points, page.height - page.bottom)
    }

    /// Bold title; `level` 1 is the document title, 2 a section heading. Kept with the next lines.
    public mutating func heading(_ text: String, level: Int = 1, alignment: PDFTextAlignment = .left) {
        let size = level <= 1 ? style.headingSize : style.subheadingSize
        keepTogether(lineHeight(size) * 2 + lineHeight(style.bodySize) * 3)
        if y > page.top + 0.01 { space(size * 0.5) }
        flow(text, weight: .bold, size: size, alignment: alignment)
        space(size * 0.35)
    }

    /// Wrapped text across the content width, breaking pages between lines as needed.
    public mutating func paragraph(_ text: String, weight: PDFFontWeight = .regular, size: Double? = nil,
                                   alignment: PDFTextAlignment = .left) {
        flow(text, weight: weight, size: size ?? style.bodySize, alignment: alignment)
        space(style.blockSpacing)
    }

    /// A thin horizontal line across the content width.
    public mutating func rule(lineWidth: Double = 0.5) {
        keepTogether(style.blockSpacing * 2)
        space(style.blockSpacing)
        let lineY = page.height - y
        draw(.line(x1: page.left, y1: lineY, x2: page.width - page.right, y2: lineY, lineWidth: lineWidth))
        space(style.blockSpacing)
    }

    // MARK: - Shared by the block methods

    func lineHeight(_ size: Double) -> Double { size * style.leading }

    mutating func draw(_ drawing: PDFDrawing) {
        pages[pages.count - 1].append(drawing)
    }

    func wrap(_ text: String, weight: PDFFontWeight, size: Double, width: Double) -> [String] {
        TextLineBreaker(font: fonts.font(weight), size: size, width: max(width, 1)).lines(text)
    }

    /// Lines flowing at the cursor over the full width, one page break check per line.
    private mutating func flow(_ text: String, weight: PDFFontWeight, size: Double, alignment: PDFTextAlignment) {
        for line in wrap(text, weight: weight, size: size, width: page.contentWidth) {
            keepTogether(lineHeight(size))
            place([line], weight: weight, size: size, x: page.left, top: y, width: page.contentWidth, alignment: alignment)
            y += lineHeight(size)
        }
    }

    /// Draws lines inside a box whose top edge is `top` (from the page top); no page breaks.
    mutating func place(_ lines: [String], weight: PDFFontWeight, size: Double, x: Double, top: Double,
                        width: Double, alignment: PDFTextAlignment = .left) {
        let font = fonts.font(weight)
        let cap = Double(font.capHeight) * size / 1000
        let descent = Double(abs(font.descent)) * size / 1000
        // Centre the cap-height-to-descender band vertically in each line box.
        let baselineOffset = (lineHeight(size) - cap - descent) / 2 + cap
        for (index, line) in lines.enumerated() where !line.isEmpty {
            let lineWidth = font.width(of: line, size: size)
            let lineX = switch alignment {
            case .left: x
            case .center: x + (width - lineWidth) / 2
            case .right: x + width - lineWidth
            }
            let baseline = page.height - (top + Double(index) * lineHeight(size) + baselineOffset)
            draw(.text(line, weight: weight, size: size, x: lineX, baseline: baseline))
        }
    }
}
