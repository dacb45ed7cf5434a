import Foundation

/// The fixed parts of an Office Open XML workbook (SpreadsheetML) besides the sheets: content types, the package
/// and workbook relationships, the workbook with its sheet list, and the styles the typed cells refer to.
enum XLSXParts {
    /// Cell style indexes (`s="…"`) of `styles`: the order of `<cellXfs>` below.
    enum Style: Int {
        case plain = 0, date = 1, dateTime = 2, money = 3, integer = 4, header = 5, decimal = 6

        /// The opening of a value cell in this style, up to its value.
        var valueCellStart: StaticString {
            switch self {
            case .plain: #"<c s="0"><v>"#
            case .date: #"<c s="1"><v>"#
            case .dateTime: #"<c s="2"><v>"#
            case .money: #"<c s="3"><v>"#
            case .integer: #"<c s="4"><v>"#
            case .header: #"<c s="5"><v>"#
            case .decimal: #"<c s="6"><v>"#
            }
        }
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static func contentTypes(sheets: Int, sharedStrings: Bool) -> String {
        var text = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        if sharedStrings {
            text += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        }
        for index in 1...max(1, sheets) {
            text += #"<Override PartName="/xl/worksheets/sheet\#(index).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return text + "</Types>"
    }

    static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        var text = header + #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#
            + #"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, name) in sheetNames.enumerated() {
            text += #"<sheet name="\#(XMLText.escape(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return text + "</sheets></workbook>"
    }

    /// Sheets are rId1…rIdN (as in `workbook`), then styles and shared strings.
    static func workbookRelationships(sheets: Int, sharedStrings: Bool) -> String {
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        var text = header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 1...max(1, sheets) {
            text += #"<Relationship Id="rId\#(index)" Type="\#(base)worksheet" Target="worksheets/sheet\#(index).xml"/>"#
        }
        text += #"<Relationship Id="rId\#(sheets + 1)" Type="\#(base)styles" Target="styles.xml"/>"#
        if sharedStrings {
            text += #"<Relationship Id="rId\#(sheets + 2)" Type="\#(base)sharedStrings" Target="sharedStrings.xml"/>"#
        }
        return text + "</Relationships>"
    }

    /// Russian spreadsheets show ДД.ММ.ГГГГ: custom formats 164 and 165; 4 and 3 are the built-in «#,##0.00» and
    /// «#,##0»; 2 is «0.00».
    static let styles = header
        + #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        + #"<numFmts count="2"><numFmt numFmtId="164" formatCode="dd\.mm\.yyyy"/>"#
        + #"<numFmt numFmtId="165" formatCode="dd\.mm\.yyyy\ hh:mm"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    /// The start of a sheet up to its first row: the header row frozen, column widths.
    static func sheetStart(widths: [Int]) -> String {
        var text = header + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        if !widths.isEmpty {
            text += "<cols>"
            for (index, width) in widths.enumerated() {
                text += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            text += "</cols>"
        }
        return text + "<sheetData>"
    }

    static let sheetEnd = "</sheetData></worksheet>"
}

/// XML text escaping, dropping the control characters XML 1.0 cannot carry at all.
enum XMLText {
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `escape(text)` appended straight to a sheet's bytes (the bytes of a multi-byte character are all ≥ 0x80, so
    /// they pass through untouched).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        guard text.containsByte(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else {
            return bytes.appendText(text)
        }
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes.appendASCII("&amp;")
            case 0x3C: bytes.appendASCII("&lt;")
            case 0x3E: bytes.appendASCII("&gt;")
            case 0x22: bytes.appendASCII("&quot;")
            case 0x09, 0x0A, 0x0D: bytes.append(byte)
            case _ where byte < 0x20: continue
            default: bytes.append(byte)
            }
        }
    }
}
