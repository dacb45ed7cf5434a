import Foundation
import Testing
@testable import KabinetDomain

/// Layout: wrapping within the width, page breaks, page footers, missing glyphs.
@Suite(.enabled(if: PDFTestSupport.fontsAvailable))
struct PDFLayoutTests {
    static let sentence = "Страховщик обязуется при наступлении страхового случая выплатить страховое возмещение. "

    @Test func wrapsLongTextIntoLinesThatFit() throws {
        // given
        let font = try PDFTestSupport.fonts().regular
        let breaker = TextLineBreaker(font: font, size: 10, width: 200)
        // when
        let lines = breaker.lines(String(repeating: Self.sentence, count: 5))
        // then
        #expect(lines.count > 5)
        for line in lines { #expect(font.width(of: line, size: 10) <= 200.001) }
        #expect(lines.joined(separator: " ") == String(repeating: Self.sentence, count: 5).trimmingCharacters(in: .whitespaces))
    }

    @Test func keepsNoBreakSpacesAndCutsOverlongWords() throws {
        let font = try PDFTestSupport.fonts().regular
        let breaker = TextLineBreaker(font: font, size: 10, width: 90)
        #expect(breaker.lines("сумма 603\u{00A0}566,62\u{00A0}₽") == ["сумма", "603\u{00A0}566,62\u{00A0}₽"])
        let cut = breaker.lines(String(repeating: "Ж", count: 40))
        #expect(cut.count > 1)
        #expect(cut.joined() == String(repeating: "Ж", count: 40))
        #expect(breaker.lines("первая\n\nтретья") == ["первая", "", "третья"])
        let wide = TextLineBreaker(font: font, size: 10, width: 500)
        #expect(wide.lines("из формы\r\nвторая\tстрока") == ["из формы", "вторая строка"])
    }

    @Test func longParagraphFlowsOntoASecondPage() throws {
        // given
        var pdf = try PDFTestSupport.builder()
        // when
        pdf.heading("Условия страхования")
        pdf.paragraph(String(repeating: Self.sentence, count: 80))
        let data = try pdf.build()
        // then
        #expect(pdf.pageCount >= 2)
        #expect(PDFTestSupport.contains(data, "/Count \(pdf.pageCount)"))
    }

    @Test func tableRepeatsHeaderOnNewPage() throws {
        var pdf = try PDFTestSupport.builder()
        let rows = (1...80).map { ["Застрахованное лицо № \($0)", "01.02.1980"] }
        pdf.table(header: ["ФИО", "Дата рождения"], rows: rows, columnFractions: [3, 1])
        #expect(pdf.pageCount >= 2)
        let secondPage = pdf.pages[1].compactMap { drawing -> String? in
            if case let .text(text, _, _, _, _) = drawing { return text } else { return nil }
        }
        #expect(secondPage.first == "ФИО")
    }

    @Test func missingGlyphsFallBackWithoutCrashing() throws {
        // given: a private-use character and a Chinese one, both absent from DejaVu Sans
        var pdf = try PDFTestSupport.builder()
        // when
        pdf.paragraph("Знак \u{F8FF} и 中 вне шрифта")
        let data = try pdf.build()
        // then
        #expect(PDFTestSupport.contains(data, "%%EOF"))
        let drawn = try PDFTestSupport.fonts().regular
        #expect(drawn.glyphOrNotdef(for: "中") == 0)
    }
}
