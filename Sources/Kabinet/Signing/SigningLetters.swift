import Foundation
import KabinetDomain

/// The three letters and the SMS of the signing, worded as the seed's letters, from the localisation table.
/// Clients read Russian: the company writes to them in the language of the contract.
struct SigningLetters: Sendable {
    let settings: Settings
    let localization: Localization
    var locale = "ru"

    private func t(_ key: String, _ arguments: String...) -> String {
        localization.text(key, locale: locale, arguments)
    }

    private var closing: [String] {
        [t("signing.mail.questions"), t("signing.mail.regards", settings.companyName)]
    }

    /// How the letter greets: «Иван Иванович,» when the name is known, else «Здравствуйте!».
    private func greeting(_ person: ContractPerson?) -> String {
        guard let person, !person.firstName.isEmpty else { return t("signing.mail.hello") }
        return [person.firstName, person.middleName ?? ""].filter { !$0.isEmpty }.joined(separator: " ") + ","
    }

    /// E-mail 1, «подтвердите электронный адрес»; the link is made inside the sending's transaction.
    func confirmEmail() throws -> @Sendable (String) -> ClientEmail {
        let (settings, subject) = (settings, t("signing.mail1.subject", settings.companyName))
        let texts = [t("signing.mail1.thanks"), t("signing.mail1.press")]
        let (button, after, hello, closing) = (t("signing.mail1.button"), [t("signing.mail1.test")], t("signing.mail.hello"), closing)
        return { secret in
            ClientEmail(subject: subject, greeting: hello, paragraphs: texts,
                        button: (button, "\(settings.baseURL)/sign/email/\(secret)"), afterButton: after, closing: closing)
        }
    }

    /// E-mail 2: the samples attached, and «Ввести СМС-код».
    func samples(contract: Contract, person: ContractPerson?, signSecret: String) -> ClientEmail {
        ClientEmail(
            subject: t("signing.mail2.subject", settings.companyName, contract.number ?? ""),
            greeting: greeting(person),
            paragraphs: [t("signing.mail2.samples", contract.number ?? ""), t("signing.mail2.press")],
            button: (t("signing.mail2.button"), "\(settings.baseURL)/sign/code/\(signSecret)"),
            closing: closing)
    }

    /// E-mail 3: the originals attached, and «Оплатить премию» while unpaid.
    func originals(contract: Contract, person: ContractPerson?, paySecret: String?) -> ClientEmail {
        ClientEmail(
            subject: t("signing.mail3.subject", settings.companyName),
            greeting: greeting(person),
            paragraphs: [t("signing.mail3.thanks"), t("signing.mail3.attached")]
                + (paySecret == nil ? [] : [t("signing.mail3.unpaid"), t("signing.mail3.press")]),
            button: paySecret.map { (t("signing.mail3.button"), PayPageController.url(token: $0, baseURL: settings.baseURL)) },
            closing: closing)
    }

    func codeSMS(code: String, contract: Contract) -> String {
        t("signing.sms.code", code, contract.number ?? "")
    }
}
