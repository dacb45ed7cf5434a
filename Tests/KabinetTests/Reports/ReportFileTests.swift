import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import ZIPFoundation

@testable import Kabinet

/// The files as Excel and LibreOffice read them: CSV with a BOM, `;` and CRLF; XLSX as a real package with typed
/// cells, read back by unzipping it.
@Suite("Report files")
struct ReportFileTests {
    typealias R = ReportsTest

    @Test("CSV: UTF-8 with a byte order mark, `;` between fields, CRLF, Cyrillic titles and names, decimal comma")
    func csv() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app, 30)
            let browser = try await R.signedIn(app, as: "agent")
            // when
            let request = try await R.build(browser, R.fields())
            let response = try await browser.get("/reports/\(request.requireID())/download")
            // then
            let bytes = [UInt8](response.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("Номер договора;Дата оформления;ФИО страхователя;Канал продаж;"))
            #expect(text.contains("\r\n"))
            #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
            let rows = R.csv(Data(bytes))
            #expect(rows.count == (try await R.expected(app, as: "agent") { _ in true }).count + 1)
            #expect(rows.allSatisfy { $0.count == ReportColumns.of(.sales).count })
            let premium = rows[1][11]
            #expect(premium.range(of: #"^\d+,\d\d$"#, options: .regularExpression) != nil, "\(premium)")
            #expect(rows[1][1].range(of: #"^\d\d\.\d\d\.\d{4} \d\d:\d\d$"#, options: .regularExpression) != nil)
            #expect(rows[1][2].unicodeScalars.contains { (0x0410...0x044F).contains($0.value) }, "a Cyrillic name")
            #expect(rows.dropFirst().allSatisfy { !$0[7].isEmpty }, "every line names its operator")
            #expect(response.headers.contentType?.description.contains("text/csv") == true)
        }
    }

    @Test("XLSX: a package with content types, relationships, styles with a date format and typed cells")
    func xlsx() async throws {
        try await R.withApp { app in
            // given
            try await R.generate(app, 25)
            let browser = try await R.signedIn(app, as: "agent")
            // when
            let request = try await R.build(browser, R.fields(format: "xlsx"))
            // then
            let archive = try Archive(data: R.file(app, request), accessMode: .read)
            let names = Set(archive.map(\.path))
            #expect(names.isSuperset(of: ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]))
            let sheet = try Self.text(archive, "xl/worksheets/sheet1.xml")
            let visible = try await R.expected(app, as: "agent") { _ in true }
            #expect(sheet.components(separatedBy: "<row ").count - 1 == visible.count + 1)
            #expect(sheet.contains("<t>Номер договора</t>"))
            #expect(sheet.contains(#" s="3"><v>"#), "money as numbers with «#,##0.00»")
            #expect(sheet.contains(#" s="1"><v>"#), "days as serial numbers with the date style")
            #expect(sheet.contains(#" s="2"><v>"#), "instants with the date-time style")
            #expect(try Self.text(archive, "xl/styles.xml").contains("dd\\.mm\\.yyyy"))
            #expect(try Self.text(archive, "xl/workbook.xml").contains("Отчет по продажам"))
        }
    }

    @Test("XLSXWriter starts a new sheet with the header past the row limit, and writes exact cells")
    func writerSheets() throws {
        // given
        let path = NSTemporaryDirectory() + "xlsx-\(UUID().uuidString).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XLSXWriter(path: path, maxDataRowsPerSheet: 2)
        // when
        try writer.beginSheet("Акт: март/2024", header: ["Договор", "Дата", "Сумма", "Кол-во", "Доля"])
        for index in 1...5 {
            try writer.append([.text("77-\(index) <&>"), .date(CalendarDate(year: 2024, month: 3, day: index)!),
                .money(minorUnits: -12_345), .integer(Int64(index)), .number(Decimal(string: "0.125")!, decimals: 3)])
        }
        try writer.finish()
        // then
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        let workbook = try Self.text(archive, "xl/workbook.xml")
        #expect(workbook.contains(#"name="Акт  март 2024""#))
        #expect(workbook.contains(#"name="Акт  март 2024 (3)""#))
        let third = try Self.text(archive, "xl/worksheets/sheet3.xml")
        #expect(third.contains("<t>Договор</t>"), "each sheet repeats the header")
        #expect(third.contains("77-5 &lt;&amp;&gt;"))
        // Cells go by position (no `r`): the second one of the row is column B.
        #expect(third.contains(#"<row r="2"><c t="inlineStr"><is><t>77-5 &lt;&amp;&gt;</t></is></c><c s="1"><v>45356</v></c>"#
            + #"<c s="3"><v>-123.45</v></c><c s="4"><v>5</v></c><c s="6"><v>0.125</v></c></row>"#),
            "05.03.2024 is serial 45356")
        #expect(!FileManager.default.fileExists(atPath: path + ".parts"), "the temporary sheets are gone")
    }

    static func text(_ archive: Archive, _ name: String) throws -> String {
        guard let entry = archive[name] else { throw TestFailure("no \(name)") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }
}
