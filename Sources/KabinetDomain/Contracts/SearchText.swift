import Foundation

/// The one normalisation of names and numbers for the contract list's search (and any other Cyrillic search).
///
/// Agents type «ФИО клиента» however they like: «СЕРГЕЕВ», «сергеев», «Сергеёв», «Иванов-Петров» or
/// «иванов петров», with stray commas and double spaces. The app stores `normalize(fullName)` in an indexed
/// column and searches it with `LIKE prefixKey(query) || '%'`, so a prefix of the surname is enough and the
/// database never lowercases Cyrillic itself (SQLite's `lower()` and `LIKE` fold ASCII only).
///
/// Rules: Unicode canonical composition (a «ё» typed as «е» + combining diaeresis is still «ё»), lower case,
/// «ё» → «е», every character that is not a letter or a digit becomes a space, runs of spaces collapse to one,
/// no space at either end. «й» stays «й» — it is a different letter, not an accented «и».
public enum SearchText {
    public static func normalize(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text.precomposedStringWithCanonicalMapping.lowercased() {
            let mapped: Character = character == "ё" ? "е" : character
            if mapped.isLetter || mapped.isNumber {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(mapped)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// The key to search a normalised column by prefix; nil when the query has no letters or digits (an empty
    /// search shows the unfiltered list instead of matching everything by `LIKE '%'`). The result contains no
    /// `%`, `_` or `\`, so it is safe to append `%` and use with `LIKE` without escaping.
    public static func prefixKey(_ query: String) -> String? {
        let key = normalize(query)
        return key.isEmpty ? nil : key
    }

    /// Whether `candidate` (any text) matches `query` the way the database search does: the normalised
    /// candidate starts with the normalised query. For in-memory lists and tests of the SQL.
    public static func matches(_ candidate: String, prefix query: String) -> Bool {
        guard let key = prefixKey(query) else { return true }
        return normalize(candidate).hasPrefix(key)
    }
}
