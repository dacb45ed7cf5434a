import Foundation

/// Interface language of a rendered message.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case ru
    case en
}

/// Fills message templates with the arguments of a `FieldError` or `TariffIssue`, formatted for people.
///
/// The sentences themselves live in the app's one localisation table (ru.json / en.json, keyed by
/// `PricingMessageKey`); the domain only knows what its arguments mean. Templates use `{name}`
/// placeholders. Amount arguments ("min", "max", "premium", "sum") are formatted as money when a
/// "currency" argument is present; date arguments ("earliest", "latest", "start", "value" when a
/// date) are shown as ДД.ММ.ГГГГ; frequency codes become their names; a risk's "name" is its
/// "englishName" in English messages when the tariff gives one.
public enum PricingMessages {
    static let moneyArguments: Set<String> = ["min", "max", "premium", "sum"]
    static let dateArguments: Set<String> = ["earliest", "latest", "start", "value"]

    /// `template` with every `{name}` replaced by the formatted argument.
    public static func fill(_ template: String, arguments: [String: String], language: MessageLanguage = .ru) -> String {
        var text = template
        for (name, raw) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: display(name: name, raw: raw, arguments: arguments, language: language))
        }
        return text
    }

    /// "path: message" for the tariff upload screen, e.g. «risks[2].premium.rates[0].ageTo: …»;
    /// the whole file is "$".
    public static func located(_ issue: TariffIssue, message: String) -> String {
        "\(issue.path.isEmpty ? "$" : issue.path): \(message)"
    }

    /// One argument as people read it in `language`.
    public static func display(name: String, raw: String, arguments: [String: String], language: MessageLanguage) -> String {
        if name == "name", language == .en, let english = arguments["englishName"] {
            return english
        }
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
}
