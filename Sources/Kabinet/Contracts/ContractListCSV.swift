import Foundation

/// «Выгрузить в CSV» as Excel opens it without an import dialog in a Russian locale: UTF-8 with a byte order mark,
/// `;` between fields, CRLF line ends, quotes only where a field needs them.
enum ContractListCSV {
    static let byteOrderMark = "\u{FEFF}"

    /// The header line: the list's column titles in the request's language.
    static func header(_ titles: [String]) -> String {
        line(titles)
    }

    static func line(_ line: ContractListLine) -> String {
        Self.line([line.number, line.policyholder, line.product, line.issuedOn, line.status, line.payment, line.owner,
            line.work])
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ";") + "\r\n"
    }

    /// A field quoted when it holds the separator, a quote or a line break. A field that a spreadsheet would take
    /// for a formula (=, +, -, @ first) gets a leading apostrophe, so a typed work note cannot run anything.
    static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.utf8.contains(where: { $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
