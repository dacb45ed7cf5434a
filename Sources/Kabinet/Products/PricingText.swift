import Foundation
import KabinetDomain
import Vapor

/// Sentences for the pricing domain's field errors and tariff issues.
///
/// The domain returns message keys with named arguments; the texts are in the one localisation table
/// (ru.json / en.json) under the same keys, and `PricingMessages.fill` formats the arguments (money, dates,
/// frequencies) for the language. The web pages and the JSON API both render through here.
extension Localization {
    func message(_ error: FieldError, locale: String) -> String {
        Self.fill(text(error.key, locale: locale), key: error.key, arguments: error.arguments, language: Self.language(locale))
    }

    /// Each domain formats its own arguments: contract messages ("contract.…") know dates, countries and statuses
    /// (`ContractMessages`), the rest are pricing's (money, dates, frequencies).
    static func fill(_ template: String, key: String, arguments: [String: String], language: MessageLanguage) -> String {
        key.hasPrefix("contract.")
            ? ContractMessages.fill(template, arguments: arguments, language: language)
            : PricingMessages.fill(template, arguments: arguments, language: language)
    }

    /// «risks[2].premium.rates[0].ageTo: …» — the path tells the administrator where in the file to look.
    func message(_ issue: TariffIssue, locale: String) -> String {
        let sentence = PricingMessages.fill(text(issue.key, locale: locale), arguments: issue.arguments, language: Self.language(locale))
        return PricingMessages.located(issue, message: sentence)
    }

    static func language(_ locale: String) -> MessageLanguage {
        MessageLanguage(rawValue: locale) ?? .ru
    }
}

extension Request {
    /// The message of one field error in the request's language.
    func message(_ error: FieldError) -> String {
        application.localization.message(error, locale: locale)
    }

    /// Field → message for the form; when a field has several problems they are shown together.
    func messages(for rejection: QuoteRejection) -> [String: String] {
        var result: [String: String] = [:]
        for error in rejection.errors {
            let text = message(error)
            result[error.field] = result[error.field].map { "\($0) \(text)" } ?? text
        }
        return result
    }

    /// Money as the request's language writes it: «603 566,62 ₽» or «₽603,566.62».
    func formatted(_ money: Money) -> String {
        money.formatted(locale == "en" ? .english : .russian)
    }
}
