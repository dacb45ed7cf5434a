import Foundation

/// «Выгрузить в CSV» as Excel opens it without an import dialog in a Russian locale: UTF-8 with a byte order mark,
/// `;` between fields, CRLF line ends, quotes only where a field needs them. Every list's export and the reports
/// write through it.
enum CSVFormat {
    static let byteOrderMark = "\u{FEFF}"

    /// The header line: the list's column titles in the request's language.
    static func header(_ titles: [String]) -> String {
        line(titles)
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ";") + "\r\n"
    }

    /// A field quoted when it holds the separator, a quote or a line break. A field that a spreadsheet would take
    /// for a formula (=, +, -, @ first) gets a leading apostrophe, so a typed work note cannot run anything.
    static func field(_ text: String) -> String {
        let value = needsFormulaGuard(text) ? "'" + text : text
        guard needsQuotes(value) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `field(text)` appended straight to a report's bytes.
    static func append(field text: String, to bytes: inout [UInt8]) {
        let quoted = needsQuotes(text)
        if quoted { bytes.append(quote) }
        if needsFormulaGuard(text) { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in text.utf8 {
                if byte == quote { bytes.append(quote) }
                bytes.append(byte)
            }
            bytes.append(quote)
        } else {
            bytes.appendText(text)
        }
    }

    private static let quote = UInt8(ascii: "\"")

    /// The characters that start a formula are all ASCII, so the first byte tells.
    private static func needsFormulaGuard(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D
    }

    private static func needsQuotes(_ text: String) -> Bool {
        text.containsByte { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }
}
