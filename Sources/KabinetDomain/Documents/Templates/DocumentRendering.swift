import Foundation

/// What a template is filled with for one contract, and how it is marked: a sample for review, or a signed
/// original with the stamp of the simple electronic signature.
public struct DocumentFilling: Sendable {
    public struct Table: Sendable {
        public var header: [String]
        public var rows: [[String]]
        public var columnFractions: [Double]?

        public init(header: [String], rows: [[String]], columnFractions: [Double]? = nil) {
            self.header = header
            self.rows = rows
            self.columnFractions = columnFractions
        }
    }

    public enum Mark: Sendable {
        /// «ОБРАЗЕЦ для ознакомления»: sent before the code, not signed.
        case sample(String)
        /// Stamp lines: «Подписано простой электронной подписью», the date, the evidence id.
        case signed([String])
    }

    public var values: [String: String]
    public var tables: [String: Table]
    public var mark: Mark
    public var author: String
    public var createdAt: Date

    public init(values: [String: String], tables: [String: Table], mark: Mark, author: String, createdAt: Date) {
        self.values = values
        self.tables = tables
        self.mark = mark
        self.author = author
        self.createdAt = createdAt
    }
}

/// Lays a filled template out as a PDF.
public enum DocumentRenderer {
    public static func render(_ template: DocumentTemplate, _ filling: DocumentFilling, fonts: PDFFontSet) throws
        -> (filename: String, data: Data)
    {
        let fill = { (text: String) in DocumentTemplate.fill(text, filling.values) }
        let title = fill(template.title)
        var pdf = PDFDocumentBuilder(fonts: fonts, metadata: PDFMetadata(
            title: title, author: filling.author, creationDate: filling.createdAt, timeZone: TimeZone(identifier: "Europe/Moscow")!))
        if case .sample(let text) = filling.mark {
            pdf.paragraph(text, weight: .bold, alignment: .right)
        }
        pdf.heading(title)
        for block in template.blocks {
            switch block {
            case .heading(let text): pdf.heading(fill(text), level: 2)
            case .subheading(let text): pdf.paragraph(fill(text), weight: .bold)
            case .paragraph(let text): pdf.paragraph(fill(text))
            case .fields(let rows):
                for row in rows {
                    let value = fill(row[1])
                    if !value.trimmingCharacters(in: .whitespaces).isEmpty { pdf.keyValue(fill(row[0]), value) }
                }
            case .table(let name):
                if let table = filling.tables[name] {
                    pdf.table(header: table.header, rows: table.rows, columnFractions: table.columnFractions)
                }
            case .rule: pdf.rule()
            case .space(let points): pdf.space(points)
            }
        }
        if case .signed(let lines) = filling.mark {
            pdf.space(12)
            pdf.stamp(lines)
        }
        return (fill(template.filename), try pdf.build())
    }
}
