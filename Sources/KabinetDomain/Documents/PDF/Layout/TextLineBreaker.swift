import Foundation

/// Greedy word wrapping of text into lines that fit a width.
///
/// Breaks only at ordinary spaces and tabs, so a no-break space (U+00A0, used in «603 566,62 ₽»
/// and «г. Москва») keeps its neighbours together; any newline ("\n", or "\r\n" from web forms)
/// forces a break; a word wider than the whole line (a long e-mail, an evidence id) is cut
/// between characters rather than overflow the margin.
struct TextLineBreaker {
    let font: TrueTypeFont
    let size: Double
    let width: Double

    func lines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).flatMap { wrapParagraph(String($0)) }
    }

    private func fits(_ candidate: String) -> Bool {
        font.width(of: candidate, size: size) <= width + 0.001
    }

    private func wrapParagraph(_ paragraph: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if fits(candidate) {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            if fits(word) {
                current = word
            } else {
                var pieces = cut(word)
                current = pieces.removeLast()
                lines.append(contentsOf: pieces)
            }
        }
        lines.append(current)
        return lines
    }

    /// Splits an over-long word into chunks that each fit (at least one character per chunk).
    private func cut(_ word: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in word {
            let candidate = current + String(character)
            if !current.isEmpty, !fits(candidate) {
                pieces.append(current)
                current = String(character)
            } else {
                current = candidate
            }
        }
        pieces.append(current)
        return pieces
    }
}
