import Foundation

/// Serialises the laid-out pages: footers, content streams, subset fonts, page tree, /Info.
extension PDFDocumentBuilder {
    /// The finished PDF 1.7 file. Same builder calls and metadata → same bytes.
    /// Throws `TrueTypeError` only if a font cannot be subset (a corrupt font file).
    public func build() throws -> Data {
        var writer = PDFFileWriter()
        let catalog = writer.reserve()
        let pageTree = writer.reserve()
        let info = writer.reserve()

        var content = PDFContentStream(fonts: fonts)
        let streams = pagesWithFooters().map { content.render($0) }

        var fontObjects: [(name: String, object: Int)] = []
        for weight in [PDFFontWeight.regular, .bold] {
            guard let usage = content.usage[weight], !usage.glyphs.isEmpty else { continue }
            let object = try PDFFontEmbedder.embed(fonts.font(weight), usage: usage, into: &writer)
            fontObjects.append((PDFContentStream.resourceName(weight), object))
        }
        let fontResources = fontObjects.map { "/\($0.name) \($0.object) 0 R" }.joined(separator: " ")
        let mediaBox = "[0 0 \(PDFSyntax.number(page.width)) \(PDFSyntax.number(page.height))]"

        var kids: [Int] = []
        for stream in streams {
            let pageObject = writer.reserve()
            let contentObject = writer.reserve()
            writer.setStream(contentObject, Array(stream.utf8))
            writer.set(pageObject, "<< /Type /Page /Parent \(pageTree) 0 R /MediaBox \(mediaBox)"
                + " /Resources << /Font << \(fontResources) >> >> /Contents \(contentObject) 0 R >>")
            kids.append(pageObject)
        }
        writer.set(pageTree, "<< /Type /Pages /Kids [\(kids.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(kids.count) >>")
        writer.set(catalog, "<< /Type /Catalog /Pages \(pageTree) 0 R >>")
        writer.set(info, infoDictionary())
        return writer.serialize(root: catalog, info: info)
    }

    /// Every page's drawings plus its «Стр. N из M» line, centred in the bottom margin.
    private func pagesWithFooters() -> [[PDFDrawing]] {
        guard let footer else { return pages }
        let total = pages.count
        let size = style.smallSize
        let font = fonts.regular
        return pages.enumerated().map { index, drawings in
            let text = footer(index + 1, total)
            let x = page.left + (page.contentWidth - font.width(of: text, size: size)) / 2
            return drawings + [.text(text, weight: .regular, size: size, x: x, baseline: page.bottom / 2)]
        }
    }

    private func infoDictionary() -> String {
        let date = PDFSyntax.date(metadata.creationDate, timeZone: metadata.timeZone)
        var entries = [
            "/Title \(PDFSyntax.textString(metadata.title))",
            "/Author \(PDFSyntax.textString(metadata.author))",
        ]
        if let subject = metadata.subject { entries.append("/Subject \(PDFSyntax.textString(subject))") }
        entries += ["/Creator (Kabinet)", "/Producer (Kabinet PDF writer)", "/CreationDate (\(date))", "/ModDate (\(date))"]
        return "<< " + entries.joined(separator: " ") + " >>"
    }
}
