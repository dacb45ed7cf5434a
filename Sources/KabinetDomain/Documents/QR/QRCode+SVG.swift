/// Inline-SVG rendering of a QR code for HTML pages (the СБП payment block).
///
/// One `<path>` with horizontal runs of dark modules keeps the markup small (a version-10
/// symbol is a few kilobytes) and scales without blur; `crispEdges` stops anti-aliasing seams
/// between neighbouring modules that make some phone cameras misread the symbol. The white
/// background rect guarantees the quiet zone even on a coloured page or in dark mode.
extension QRCode {
    /// SVG document for inline use.
    /// - Parameters:
    ///   - moduleSize: pixels per module for the `width`/`height` attributes (the `viewBox` is in
    ///     modules, so CSS may resize the image freely).
    ///   - quietZone: light border in modules; the standard requires 4.
    ///   - ariaLabel: accessible name read by screen readers (e.g. «QR-код для оплаты через СБП»).
    public func svg(moduleSize: Int = 4, quietZone: Int = 4, ariaLabel: String) -> String {
        precondition(moduleSize > 0 && quietZone >= 0, "module size must be positive, quiet zone non-negative")
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(pixels)" height="\(pixels)" \
        role="img" aria-label="\(Self.escapeAttribute(ariaLabel))" shape-rendering="crispEdges">\
        <rect width="\(side)" height="\(side)" fill="#fff"/>\
        <path fill="#000" d="\(darkRunsPath(offset: quietZone))"/></svg>
        """
    }

    /// Path data: for each maximal horizontal run of dark modules, `M x y h len v1 h -len z`.
    func darkRunsPath(offset: Int) -> String {
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else { x += 1; continue }
                let start = x
                while x < size, self[x, y] { x += 1 }
                let length = x - start
                path += "M\(start + offset) \(y + offset)h\(length)v1h-\(length)z"
            }
        }
        return path
    }

    /// XML attribute escaping; the label may come from localisation or contain a payee name.
    static func escapeAttribute(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
