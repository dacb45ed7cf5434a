import Foundation
import ZIPFoundation

/// Writes an .xlsx workbook of any length with flat memory: each sheet's XML is streamed to a temporary file row
/// by row, and `finish()` deflates those files into the ZIP package chunk by chunk (ZIPFoundation reads them in
/// 16 KB pieces). Past `maxDataRowsPerSheet` rows a new sheet begins with the same header, since a sheet holds
/// 1 048 576 rows at most.
///
///     let xlsx = try XLSXWriter(path: "/tmp/act.xlsx")
///     try xlsx.beginSheet("Акт", header: ["Договор", "Дата оплаты", "КВ"], widths: [14, 12, 12])
///     try xlsx.append([.text("7700000001"), .date(day), .money(minorUnits: 123_456)])
///     try xlsx.finish()   // or discard() on failure
///
/// Used by reports and by the commission acts; not thread-safe (one writer per file).
final class XLSXWriter {
    /// Excel's row limit less the header row.
    static let sheetRowLimit = 1_048_575
    /// Distinct `.label` values kept in the shared strings table; more are written inline, so a column that
    /// turns out not to repeat cannot make memory grow with the file.
    static let sharedStringLimit = 20_000

    let path: String
    private let maxDataRowsPerSheet: Int
    private let parts: URL
    private var sheet: BufferedFileWriter?
    private var sheetNames: [String] = []
    private var baseName = ""
    private var header: [String] = []
    private var widths: [Int] = []
    private var rowsInSheet = 0
    private var shared: [String: Int] = [:]
    private var sharedOrder: [String] = []
    private var columnNames: [String] = []

    /// The workbook will be written to `path` by `finish()`; pass a temporary name and rename it if readers must
    /// never see a half-written file.
    init(path: String, maxDataRowsPerSheet: Int = XLSXWriter.sheetRowLimit) throws {
        self.path = path
        self.maxDataRowsPerSheet = max(1, min(maxDataRowsPerSheet, Self.sheetRowLimit))
        parts = URL(fileURLWithPath: path + ".parts", isDirectory: true)
        try? FileManager.default.removeItem(at: parts)
        try FileManager.default.createDirectory(at: parts, withIntermediateDirectories: true)
    }

    /// Starts a sheet whose first row is `header` (bold, frozen). `widths` are column widths in characters.
    func beginSheet(_ name: String, header: [String], widths: [Int] = []) throws {
        baseName = Self.sheetName(name)
        self.header = header
        self.widths = widths
        try openSheet(named: baseName)
    }

    /// Appends one row; starts the next sheet when this one is full.
    func append(_ cells: [XLSXCell]) throws {
        if sheet == nil { try beginSheet("Sheet", header: []) }
        if rowsInSheet >= maxDataRowsPerSheet {
            try openSheet(named: Self.sheetName(baseName, part: sheetNames.count + 1))
        }
        rowsInSheet += 1
        try writeRow(cells, number: rowsInSheet + 1, headerRow: false)
    }

    /// Closes the sheets, writes the workbook parts and zips everything into `path`.
    func finish() throws {
        if sheet == nil { try beginSheet("Sheet", header: []) }
        try closeSheet()
        let sharedStrings = !sharedOrder.isEmpty
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        try add(archive, "[Content_Types].xml", XLSXParts.contentTypes(sheets: sheetNames.count, sharedStrings: sharedStrings))
        try add(archive, "_rels/.rels", XLSXParts.rootRelationships)
        try add(archive, "xl/workbook.xml", XLSXParts.workbook(sheetNames: sheetNames))
        try add(archive, "xl/_rels/workbook.xml.rels",
            XLSXParts.workbookRelationships(sheets: sheetNames.count, sharedStrings: sharedStrings))
        try add(archive, "xl/styles.xml", XLSXParts.styles)
        if sharedStrings { try add(archive, "xl/sharedStrings.xml", sharedStringsXML()) }
        for index in 1...sheetNames.count {
            try archive.addEntry(with: "xl/worksheets/sheet\(index).xml", fileURL: sheetURL(index),
                compressionMethod: .deflate, bufferSize: 256 * 1024)
        }
        try? FileManager.default.removeItem(at: parts)
    }

    /// Drops the temporary sheets and any half-written package (after a failure).
    func discard() {
        try? sheet?.close()
        sheet = nil
        try? FileManager.default.removeItem(at: parts)
        try? FileManager.default.removeItem(atPath: path)
    }

    // MARK: - Sheets

    private func openSheet(named name: String) throws {
        try closeSheet()
        sheetNames.append(name)
        let writer = try BufferedFileWriter(path: sheetURL(sheetNames.count).path)
        try writer.write(XLSXParts.sheetStart(widths: widths))
        sheet = writer
        rowsInSheet = 0
        if !header.isEmpty { try writeRow(header.map(XLSXCell.text), number: 1, headerRow: true) }
    }

    private func closeSheet() throws {
        guard let sheet else { return }
        try sheet.write(XLSXParts.sheetEnd)
        try sheet.close()
        self.sheet = nil
    }

    private func sheetURL(_ index: Int) -> URL { parts.appendingPathComponent("sheet\(index).xml") }

    /// Sheet names are at most 31 characters without `[]:*?/\`.
    static func sheetName(_ name: String, part: Int? = nil) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? " " : $0 })
        let suffix = part.map { " (\($0))" } ?? ""
        let base = String(cleaned.prefix(31 - suffix.count))
        return (base.isEmpty ? "Sheet" : base) + suffix
    }

    private func add(_ archive: Archive, _ name: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
            position, size in data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    // MARK: - Rows

    private func writeRow(_ cells: [XLSXCell], number: Int, headerRow: Bool) throws {
        guard let sheet else { return }
        let row = String(number)
        var xml = "<row r=\"" + row + "\">"
        for (index, cell) in cells.enumerated() {
            let ref = " r=\"" + column(index) + row + "\""
            xml += headerRow ? "<c" + ref + " s=\"5\" t=\"inlineStr\"><is><t>" + XMLText.escape(header[index]) + "</t></is></c>"
                : encode(cell, ref: ref)
        }
        xml += "</row>"
        try sheet.write(xml)
    }

    private func encode(_ cell: XLSXCell, ref: String) -> String {
        func value(_ style: XLSXParts.Style, _ text: String) -> String {
            "<c" + ref + " s=\"" + String(style.rawValue) + "\"><v>" + text + "</v></c>"
        }
        switch cell {
        case .text(let text): return inline(text, ref: ref)
        case .label(let text):
            guard let index = sharedIndex(text) else { return inline(text, ref: ref) }
            return "<c" + ref + " t=\"s\"><v>" + String(index) + "</v></c>"
        case .integer(let number): return value(.integer, String(number))
        case .number(let number, let decimals):
            return value(decimals == 2 ? .money : decimals == 0 ? .integer : .decimal, "\(number)")
        case .money(let minor): return value(.money, XLSXCell.decimalText(minorUnits: minor))
        case .date(let day): return value(.date, String(XLSXCell.serial(day)))
        case .dateTime(let instant, let zone): return value(.dateTime, String(XLSXCell.serial(instant, zone: zone)))
        case .empty: return "<c" + ref + "/>"
        }
    }

    private func inline(_ text: String, ref: String) -> String {
        let space = text.first == " " || text.last == " " ? " xml:space=\"preserve\"" : ""
        return "<c" + ref + " t=\"inlineStr\"><is><t" + space + ">" + XMLText.escape(text) + "</t></is></c>"
    }

    private func sharedIndex(_ text: String) -> Int? {
        if let index = shared[text] { return index }
        guard sharedOrder.count < Self.sharedStringLimit else { return nil }
        shared[text] = sharedOrder.count
        sharedOrder.append(text)
        return sharedOrder.count - 1
    }

    private func sharedStringsXML() -> String {
        var xml = XLSXParts.header + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(sharedOrder.count)" uniqueCount="\#(sharedOrder.count)">"#
        for text in sharedOrder { xml += "<si><t xml:space=\"preserve\">" + XMLText.escape(text) + "</t></si>" }
        return xml + "</sst>"
    }

    /// "A", "B", … "Z", "AA", … for a zero-based column index; the first ones are cached.
    private func column(_ index: Int) -> String {
        while columnNames.count <= index { columnNames.append(Self.columnName(columnNames.count)) }
        return columnNames[index]
    }

    static func columnName(_ index: Int) -> String {
        var number = index + 1
        var name = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }
}
