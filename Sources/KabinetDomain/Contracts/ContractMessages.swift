import Foundation

/// Turns contract message keys and named arguments into sentences for the form, the card and the API.
///
/// Arguments stay machine-readable in `FieldError` (ISO dates, country codes, status raw values) so the API
/// can return them as they are; here they become what a person reads: dates as ДД.ММ.ГГГГ, country codes as
/// names, statuses and actions by their names in the chosen language. An unknown key renders as itself, so
/// a missing text is visible in review rather than blank.
public enum ContractMessages {
    static let dateArguments: Set<String> = ["date", "min", "from", "until"]

    public static func render(key: String, arguments: [String: String] = [:],
                              language: MessageLanguage = .ru) -> String {
        guard let known = ContractMessageKey(rawValue: key) else { return key }
        let texts = ContractMessageTexts.texts(known)
        return fill(language == .ru ? texts.ru : texts.en, arguments: arguments, language: language)
    }

    /// `template` (e.g. the text of a key from the app's ru.json) with every `{name}` replaced by the
    /// formatted argument — for when the sentence comes from the localisation table, as pricing's do.
    public static func fill(_ template: String, arguments: [String: String],
                            language: MessageLanguage = .ru) -> String {
        var text = template
        for (name, raw) in arguments {
            text = text.replacingOccurrences(of: "{\(name)}", with: display(name: name, raw: raw, language: language))
        }
        return text
    }

    public static func render(_ error: FieldError, language: MessageLanguage = .ru) -> String {
        render(key: error.key, arguments: error.arguments, language: language)
    }

    public static func render(_ refusal: TransitionRefusal, language: MessageLanguage = .ru) -> String {
        render(key: refusal.key.rawValue, arguments: refusal.arguments, language: language)
    }

    /// One argument as people read it in `language`.
    public static func display(name: String, raw: String, language: MessageLanguage) -> String {
        let ru = language == .ru
        switch name {
        case _ where dateArguments.contains(name) && raw.count == 10:
            return CalendarDate(raw)?.russian ?? raw
        case "status":
            guard let status = ContractStatus(rawValue: raw) else { return raw }
            return ru ? status.russianName : status.englishName
        case "action":
            guard let action = ContractActionKind(rawValue: raw) else { return raw }
            return ru ? action.russianName : action.englishName
        case "total":
            return ru ? raw.replacingOccurrences(of: ".", with: ",") : raw
        case "country":
            return Country.name(of: raw, language: language)
        default:
            return raw
        }
    }
}
