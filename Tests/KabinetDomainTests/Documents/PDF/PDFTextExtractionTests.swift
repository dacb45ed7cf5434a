import Foundation
import Testing
@testable import KabinetDomain

/// The real check that /ToUnicode and the Flate streams are right: poppler's pdftotext
/// (package poppler-utils) must read the Russian text back. Skipped where it is not installed.
@Suite(.enabled(if: PDFTestSupport.fontsAvailable && PDFTestSupport.executable("pdftotext") != nil))
struct PDFTextExtractionTests {
    @Test func pdftotextExtractsRussianText() async throws {
        // given
        var pdf = try PDFTestSupport.builder()
        pdf.heading("Протокол подписания")
        pdf.keyValue("Страхователь", "Иванов Иван Иванович")
        pdf.paragraph(String(repeating: "Текст условий страхования для второй страницы. ", count: 150))
        pdf.stamp(["Подписано простой электронной подписью", "23.11.2026 15:00 МСК"])
        let pdfURL = PDFTestSupport.temporaryURL(".pdf")
        let textURL = PDFTestSupport.temporaryURL(".txt")
        defer {
            try? FileManager.default.removeItem(at: pdfURL)
            try? FileManager.default.removeItem(at: textURL)
        }
        try pdf.build().write(to: pdfURL)
        // when
        let tool = try #require(PDFTestSupport.executable("pdftotext"))
        let status = try await PDFTestSupport.run(tool, ["-enc", "UTF-8", pdfURL.path, textURL.path])
        // then
        #expect(status == 0)
        let text = try String(contentsOf: textURL, encoding: .utf8)
        #expect(text.contains("Иванов Иван Иванович"))
        #expect(text.contains("Подписано простой электронной подписью"))
        #expect(text.contains("Стр. 2 из \(pdf.pageCount)"))
    }
}
