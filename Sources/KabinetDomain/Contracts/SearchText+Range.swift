import Foundation

extension SearchText {
    /// The prefix search as a half-open range of the normalised column: `lower <= value < upper` holds exactly for
    /// the values that start with `lower`, in code-point order (which is UTF-8 byte order: SQLite's BINARY
    /// collation and PostgreSQL's `COLLATE "C"`). A range, unlike `LIKE 'prefix%'`, is served by a plain B-tree
    /// index on both databases without `case_sensitive_like` or `text_pattern_ops`. Nil for an empty query.
    public static func prefixRange(_ query: String) -> (lower: String, upper: String)? {
        guard let key = prefixKey(query) else { return nil }
        return (key, successor(of: key))
    }

    /// The smallest string above every string that starts with `prefix`: its last scalar raised by one (a last
    /// scalar that cannot be raised is dropped and the one before it raised instead).
    public static func successor(of prefix: String) -> String {
        var scalars = Array(prefix.unicodeScalars)
        while let last = scalars.popLast() {
            if let next = nextScalar(after: last) {
                scalars.append(next)
                var result = String.UnicodeScalarView()
                result.append(contentsOf: scalars)
                return String(result)
            }
        }
        return "\u{10FFFF}"
    }

    /// The next Unicode scalar value, stepping over the surrogate block; nil after the last one.
    private static func nextScalar(after scalar: Unicode.Scalar) -> Unicode.Scalar? {
        var value = scalar.value + 1
        if value == 0xD800 { value = 0xE000 }
        return Unicode.Scalar(value)
    }

    /// A number typed into «Номер договора»: its digits only («55 2000 0025» → "5520000025"); nil without digits.
    public static func numberPrefix(_ query: String) -> String? {
        let digits = query.unicodeScalars.filter { $0.properties.numericType != nil && $0.isASCII }
        guard !digits.isEmpty else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: digits)
        return String(view)
    }
}
