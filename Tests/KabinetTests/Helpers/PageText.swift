import Foundation

/// Reading values out of rendered pages by their `data-testid`.
enum PageText {
    /// The text of the first element marked `data-testid="<testID>"` (no markup inside it), e.g. a secret shown once.
    static func element(_ testID: String, in page: String) throws -> String {
        guard let start = page.range(of: "data-testid=\"\(testID)\">"),
              let end = page.range(of: "<", range: start.upperBound..<page.endIndex)
        else { throw TestFailure("no \(testID) on the page") }
        return String(page[start.upperBound..<end.lowerBound])
    }
}
