import Foundation
import Testing
@testable import KabinetDomain

/// File structure: header, xref offsets that point at their objects, trailer, /Info, size.
@Suite(.enabled(if: PDFTestSupport.fontsAvailable))
struct PDFStructureTests {
    static func sampleDocument() throws -> Data {
        var pdf = try PDFTestSupport.builder()
        pdf.heading("Полис № 1000002-17")
        pdf.keyValue("Страхователь", "Иванов Иван Иванович")
        pdf.keyValue("Страховая сумма", "603\u{00A0}566,62\u{00A0}₽", valueWeight: .bold)
        pdf.table(header: ["Застрахованный", "Дата рождения"], rows: [["Иванов Иван", "01.02.1980"]], columnFractions: [0.7, 0.3])
        pdf.rule()
        pdf.stamp(["Подписано простой электронной подписью", "23.11.2026 15:00 МСК", "ID: 7f3a-91"],
                  matrix: [[true, false], [false, true]])
        return try pdf.build()
    }

    @Test func xrefOffsetsPointAtObjects() throws {
        // given
        let data = try Self.sampleDocument()
        let text = String(PDFTestSupport.latin1(data))
        // when
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let xrefOffset = try #require(Int(text[startxref.upperBound...].prefix { $0.isNumber }))
        let bytes = PDFTestSupport.latin1(data)
        let xref = String(bytes[xrefOffset...])
        let lines = xref.split(separator: "\n")
        // then
        #expect(text.hasPrefix("%PDF-1.7\n"))
        #expect(lines[0] == "xref")
        let count = try #require(Int(lines[1].split(separator: " ")[1]))
        #expect(count > 10)
        #expect(lines[2] == "0000000000 65535 f ")
        for number in 1..<count {
            let entry = lines[2 + number]
            #expect(entry.count == 19 && entry.hasSuffix(" 00000 n "))
            let offset = try #require(Int(entry.prefix(10)))
            #expect(String(bytes[offset..<(offset + 12)]).hasPrefix("\(number) 0 obj\n"))
        }
        #expect(text.contains("trailer\n<< /Size \(count) /Root 1 0 R /Info 3 0 R >>"))
        #expect(text.hasSuffix("%%EOF\n"))
    }

    @Test func declaresSubsetCIDFontsWithToUnicode() throws {
        let data = try Self.sampleDocument()
        for needle in ["/Subtype /Type0", "/Encoding /Identity-H", "/Subtype /CIDFontType2", "/CIDToGIDMap /Identity",
                       "/ToUnicode", "/FontFile2", "/Filter /FlateDecode", "+DejaVuSans-Bold", "+DejaVuSans "] {
            #expect(PDFTestSupport.contains(data, needle), "missing \(needle)")
        }
        #expect(data.count < 60_000)
    }

    @Test func writesMetadataWithoutAClock() throws {
        let data = try Self.sampleDocument()
        // 12:00 UTC is 15:00 in Moscow, the default zone of the metadata.
        #expect(PDFTestSupport.contains(data, "/CreationDate (D:20261123150000+03'00')"))
        #expect(PDFTestSupport.contains(data, "/Title \(PDFSyntax.textString("Полис страхования"))"))
        #expect(PDFSyntax.date(PDFTestSupport.issued, timeZone: TimeZone(secondsFromGMT: 0)!) == "D:20261123120000Z")
    }

    @Test func sameInputGivesSameBytes() throws {
        #expect(try Self.sampleDocument() == Self.sampleDocument())
    }

    @Test func numbersAreLocaleFree() {
        #expect(PDFSyntax.number(595.28) == "595.28")
        #expect(PDFSyntax.number(12.5) == "12.5")
        #expect(PDFSyntax.number(-3) == "-3")
        #expect(PDFSyntax.number(0.004) == "0")
        #expect(PDFSyntax.number(1.05) == "1.05")
        #expect(PDFSyntax.hex4(0x4A) == "004A")
    }
}
