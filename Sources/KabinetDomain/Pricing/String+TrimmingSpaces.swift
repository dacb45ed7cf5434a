import Foundation

extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without its cost in the common case: a quote parses a dozen fields
    /// per request, nearly always already trimmed. When the text starts and ends with a visible ASCII character
    /// there is nothing to trim and it comes back as is; anything else goes through Foundation, so the result is
    /// always the same as Foundation's.
    public func trimmingSpaces() -> String {
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
           (0x21...0x7E).contains(first.value), (0x21...0x7E).contains(last.value) {
            return String(self)
        }
        return trimmingCharacters(in: .whitespaces)
    }
}
