import Foundation
import KabinetDomain

/// Writes an .xlsx workbook of any length with flat memory: each sheet's XML is deflated into the ZIP package
/// while its rows are appended (`ZipStreamWriter`), and `finish()` adds the small parts that depend on the whole
/// (the workbook's sheet list, the shared strings). Past `maxDataRowsPerSheet` rows a new sheet begins with the
/// same header, since a sheet holds 1 048 576 rows at most.
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
    private let zip: ZipStreamWriter
    private var sheet: BufferedByteWriter?
    private var sheetNames: [String] = []
    private var baseName = ""
    private var header: [String] = []
    private var widths: [Int] = []
    private var rowsInSheet = 0
    private var shared = SharedStrings()
    private var clock = LocalClock(zone: MoscowTime.zone)

    /// The workbook is written to `path` as rows come; pass a temporary name and rename it if readers must never
    /// see a half-written file.
    init(path: String, maxDataRowsPerSheet: Int = XLSXWriter.sheetRowLimit) throws {
        self.path = path
        self.maxDataRowsPerSheet = max(1, min(maxDataRowsPerSheet, Self.sheetRowLimit))
        zip = try ZipStreamWriter(path: path)
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
        try writeRow(cells, number: rowsInSheet + 1)
    }

    /// Closes the last sheet and adds the workbook parts; the package at `path` is then complete.
    func finish() throws {
        if sheet == nil { try beginSheet("Sheet", header: []) }
        try closeSheet()
        let sharedStrings = !shared.isEmpty
        try zip.addEntry("[Content_Types].xml", XLSXParts.contentTypes(sheets: sheetNames.count, sharedStrings: sharedStrings))
        try zip.addEntry("_rels/.rels", XLSXParts.rootRelationships)
        try zip.addEntry("xl/workbook.xml", XLSXParts.workbook(sheetNames: sheetNames))
        try zip.addEntry("xl/_rels/workbook.xml.rels",
            XLSXParts.workbookRelationships(sheets: sheetNames.count, sharedStrings: sharedStrings))
        try zip.addEntry("xl/styles.xml", XLSXParts.styles)
        if sharedStrings { try zip.addEntry("xl/sharedStrings.xml", shared.xml()) }
        try zip.finish()
    }

    /// Drops the half-written package (after a failure).
    func discard() {
        sheet = nil
        zip.abandon()
        try? FileManager.default.removeItem(atPath: path)
    }

    // MARK: - Sheets

    private func openSheet(named name: String) throws {
        try closeSheet()
        sheetNames.append(name)
        try zip.beginEntry("xl/worksheets/sheet\(sheetNames.count).xml")
        let zip = zip
        let writer = BufferedByteWriter(destination: { try zip.write($0) })
        try writer.write(XLSXParts.sheetStart(widths: widths))
        sheet = writer
        rowsInSheet = 0
        if !header.isEmpty { try writeRow(header.map(XLSXCell.text), number: 1, style: .header) }
    }

    private func closeSheet() throws {
        guard let sheet else { return }
        try sheet.write(XLSXParts.sheetEnd)
        try sheet.close()
        try zip.endEntry()
        self.sheet = nil
    }

    /// Sheet names are at most 31 characters without `[]:*?/\`.
    static func sheetName(_ name: String, part: Int? = nil) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? " " : $0 })
        let suffix = part.map { " (\($0))" } ?? ""
        let base = String(cleaned.prefix(31 - suffix.count))
        return (base.isEmpty ? "Sheet" : base) + suffix
    }

    // MARK: - Rows

    /// Cells carry no `r` reference: a row's cells are its columns in order (an empty one is `<c/>`), which the
    /// format allows and which saves a quarter of the sheet's bytes to write and to deflate. Rows keep theirs.
    private func writeRow(_ cells: [XLSXCell], number: Int, style: XLSXParts.Style? = nil) throws {
        guard let sheet else { return }
        let clock = clock
        var shared = shared
        self.shared = SharedStrings()  // moved out and back, so the table is not copied
        defer { self.shared = shared }
        try sheet.append { bytes in
            bytes.appendASCII("<row r=\"")
            bytes.appendDecimal(Int64(number))
            bytes.appendASCII("\">")
            for cell in cells { Self.encode(cell, style: style, into: &bytes, shared: &shared, clock: clock) }
            bytes.appendASCII("</row>")
        }
    }

    private static func encode(_ cell: XLSXCell, style: XLSXParts.Style?, into bytes: inout [UInt8],
        shared: inout SharedStrings, clock: LocalClock)
    {
        func value(_ style: XLSXParts.Style, _ write: (inout [UInt8]) -> Void) {
            bytes.appendASCII(style.valueCellStart)
            write(&bytes)
            bytes.appendASCII("</v></c>")
        }
        switch cell {
        case .text(let text): inline(text, header: style == .header, into: &bytes)
        case .label(let text):
            guard let index = shared.index(text) else { return inline(text, header: false, into: &bytes) }
            bytes.appendASCII(#"<c t="s"><v>"#)
            bytes.appendDecimal(Int64(index))
            bytes.appendASCII("</v></c>")
        case .integer(let number): value(.integer) { $0.appendDecimal(number) }
        case .number(let number, let decimals):
            value(decimals == 2 ? .money : decimals == 0 ? .integer : .decimal) { $0.appendText("\(number)") }
        case .money(let minor): value(.money) { $0.appendMoney(minorUnits: minor, separator: UInt8(ascii: ".")) }
        case .date(let day): value(.date) { $0.appendDecimal(Int64(XLSXCell.serial(day))) }
        case .dateTime(let instant, let zone):
            let local = zone == clock.zone ? clock.localSeconds(instant)
                : Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
            value(.dateTime) { $0.appendSerial(localSeconds: local) }
        case .empty: bytes.appendASCII("<c/>")
        }
    }

    /// An inline string cell, escaped straight into the sheet; header cells get the bold style.
    private static func inline(_ text: String, header: Bool, into bytes: inout [UInt8]) {
        bytes.appendASCII(header ? #"<c s="5" t="inlineStr"><is><t"# : #"<c t="inlineStr"><is><t"#)
        if text.utf8.first == 0x20 || text.utf8.last == 0x20 { bytes.appendASCII(#" xml:space="preserve""#) }
        bytes.append(UInt8(ascii: ">"))
        XMLText.append(text, to: &bytes)
        bytes.appendASCII("</t></is></c>")
    }
}

/// The shared strings table of `.label` cells. Looked up by the text's UTF-8 bytes: `String` hashing normalizes
/// Cyrillic text (NFC) on every lookup, which at a million rows of product and status names costs more than
/// writing them.
struct SharedStrings {
    private struct Key: Hashable {
        let text: String
        init(_ text: String) {
            var text = text
            text.makeContiguousUTF8()  // a no-op for native strings; makes `hash` below total
            self.text = text
        }
        func hash(into hasher: inout Hasher) {
            _ = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
        static func == (left: Key, right: Key) -> Bool { left.text.utf8.elementsEqual(right.text.utf8) }
    }

    private var indexes: [Key: Int] = [:]
    private var order: [String] = []

    var isEmpty: Bool { order.isEmpty }

    /// The text's index in the table, adding it while there is room; nil past `XLSXWriter.sharedStringLimit`.
    mutating func index(_ text: String) -> Int? {
        if let index = indexes[Key(text)] { return index }
        guard order.count < XLSXWriter.sharedStringLimit else { return nil }
        indexes[Key(text)] = order.count
        order.append(text)
        return order.count - 1
    }

    func xml() -> String {
        var xml = XLSXParts.header + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(order.count)" uniqueCount="\#(order.count)">"#
        for text in order { xml += "<si><t xml:space=\"preserve\">" + XMLText.escape(text) + "</t></si>" }
        return xml + "</sst>"
    }
}
