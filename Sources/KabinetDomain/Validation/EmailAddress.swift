/// A pragmatic e-mail check: one @, a dot in the domain, no spaces. Deliverability is proven by the link we send,
/// not by a regular expression.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !text.contains(where: { $0.isWhitespace })
    }
}

/// Logins: 3–64 characters of Latin letters, digits and `. _ - @`, so they can be typed on any keyboard layout.
public enum LoginRule {
    public static func isValid(_ login: String) -> Bool {
        guard (3...64).contains(login.count) else { return false }
        return login.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_@".contains($0)) }
    }
}
