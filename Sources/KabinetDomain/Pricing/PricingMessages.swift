import Foundation

/// Interface language of a rendered message.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case ru
    case en
}

/// Turns message keys + arguments into sentences for the form and the tariff upload screen.
///
/// Templates use `{name}` placeholders. Amount arguments ("min", "max", "premium", "sum") are
/// formatted as money when a "currency" argument is present; date arguments ("earliest",
/// "latest", "value" when a date) are shown as ДД.ММ.ГГГГ. Unknown keys render as the key itself
/// so a missing text is visible rather than blank.
public enum PricingMessages {
    static let moneyArguments: Set<String> = ["min", "max", "premium", "sum"]
    static let dateArguments: Set<String> = ["earliest", "latest", "value"]

    public static func render(key: String, arguments: [String: String] = [:], language: MessageLanguage = .ru) -> String {
        guard let known = PricingMessageKey(rawValue: key) else { return key }
        var text = template(known, language: language)
        for (name, raw) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: display(name: name, raw: raw, arguments: arguments, language: language))
        }
        return text
    }

    public static func render(_ error: FieldError, language: MessageLanguage = .ru) -> String {
        render(key: error.key, arguments: error.arguments, language: language)
    }

    /// "path: message", e.g. «risks[2].premium.rates[0].ageTo: …».
    public static func render(_ issue: TariffIssue, language: MessageLanguage = .ru) -> String {
        let path = issue.path.isEmpty ? "$" : issue.path
        return "\(path): " + render(key: issue.key, arguments: issue.arguments, language: language)
    }

    static func display(name: String, raw: String, arguments: [String: String], language: MessageLanguage) -> String {
        if moneyArguments.contains(name), let code = arguments["currency"], let currency = CurrencyCode(rawValue: code),
           let value = DecimalRounding.parse(raw), let money = Money(exactly: value, currency: currency) {
            return money.formatted(language == .ru ? .russianCompact : .english)
        }
        if dateArguments.contains(name), raw.count == 10, let date = CalendarDate(raw) {
            return date.russian
        }
        if name == "frequency" || name == "allowed" {
            return raw.split(separator: ",").map { part -> String in
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard let frequency = PaymentFrequency(rawValue: trimmed) else { return trimmed }
                return language == .ru ? frequency.russianName : frequency.englishName
            }.joined(separator: ", ")
        }
        return raw
    }

    static func template(_ key: PricingMessageKey, language: MessageLanguage) -> String {
        let texts = PricingMessageTexts.texts(key)
        return language == .ru ? texts.ru : texts.en
    }
}
