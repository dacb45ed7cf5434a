import Foundation
import Vapor

/// The one table of user-facing texts: `Resources/Localization/<locale>.json`, flat key → text.
/// Russian is the default and the fallback; a key missing everywhere shows itself, so a gap is visible in review.
struct Localization: Sendable {
    static let supported = ["ru", "en"]
    static let fallback = "ru"

    private let tables: [String: [String: String]]

    init(directory: String) throws {
        var tables: [String: [String: String]] = [:]
        for locale in Self.supported {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("\(locale).json")
            let data = try Data(contentsOf: url)
            tables[locale] = try JSONDecoder().decode([String: String].self, from: data)
        }
        self.tables = tables
    }

    /// The text for `key`, with `{0}`, `{1}`… replaced by the arguments.
    func text(_ key: String, locale: String, _ arguments: [String] = []) -> String {
        var text = tables[locale]?[key] ?? tables[Self.fallback]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    func keys(locale: String) -> Set<String> {
        Set(tables[locale]?.keys.map { $0 } ?? [])
    }
}

extension Application {
    private struct LocalizationKey: StorageKey { typealias Value = Localization }

    var localization: Localization {
        get {
            guard let value = storage[LocalizationKey.self] else { fatalError("Localization is loaded in configure()") }
            return value
        }
        set { storage[LocalizationKey.self] = newValue }
    }
}

extension Request {
    static let localeCookie = "kabinet_lang"

    /// The language of this request: the visitor's explicit choice, else Russian.
    var locale: String {
        if let chosen = cookies[Request.localeCookie]?.string, Localization.supported.contains(chosen) { return chosen }
        return Localization.fallback
    }

    /// Translates a key in the request's language.
    func t(_ key: String, _ arguments: String...) -> String {
        application.localization.text(key, locale: locale, arguments)
    }

    /// Translates a key whose arguments were collected elsewhere (a refusal's message).
    func t(_ key: String, _ arguments: [String]) -> String {
        application.localization.text(key, locale: locale, arguments)
    }
}
