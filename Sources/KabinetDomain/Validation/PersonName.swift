import Foundation

/// What a person's name («Фамилия», «Имя», «Отчество») may look like — one rule for the quote's insured, the
/// contract's people and the client base, so a name accepted at one step is never refused at the next.
///
/// Letters of any alphabet (foreign citizens are written as in their passport: «João», «Müller»), spaces,
/// hyphens («Римский-Корсаков») and apostrophes («Д'Артаньян», also the typographic ’); it must start with a
/// letter. Digits and other punctuation are typing mistakes. The length limit is the caller's.
public enum PersonName {
    /// What is wrong with a typed name part.
    public enum Problem: String, Sendable, Equatable {
        /// Nothing but spaces.
        case empty
        /// A character that is not a letter, space, hyphen or apostrophe, or no letter first.
        case characters
    }

    /// Nil when `text` (trimmed) is an acceptable name; otherwise what is wrong.
    public static func problem(_ text: String) -> Problem? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return .empty }
        let allowed = trimmed.allSatisfy { $0.isLetter || allowedMarks.contains($0) }
        return first.isLetter && allowed ? nil : .characters
    }

    public static func isValid(_ text: String) -> Bool { problem(text) == nil }

    static let allowedMarks: Set<Character> = [" ", "-", "'", "’"]
}
