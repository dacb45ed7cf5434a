/// The two letters about an account — the invitation and the password recovery — from the localisation table, in
/// the language the user chose in the portal (Russian until they choose).
struct AccountLetters: Sendable {
    let settings: Settings
    let localization: Localization

    struct Letter: Equatable {
        var subject: String
        var text: String
    }

    /// The invitation link works 7 days (`LinkTokens`).
    func invitation(to user: User, link: String) -> Letter {
        letter("account.invitation", to: user, link: link)
    }

    /// The recovery link works 1 hour and once.
    func recovery(of user: User, link: String) -> Letter {
        letter("account.recovery", to: user, link: link)
    }

    /// `{0}` company, `{1}` the user's full name, `{2}` login, `{3}` the link.
    private func letter(_ prefix: String, to user: User, link: String) -> Letter {
        let locale = user.locale.flatMap { Localization.supported.contains($0) ? $0 : nil } ?? Localization.fallback
        let arguments = [settings.companyName, user.fullName, user.login, link]
        return Letter(
            subject: localization.text("\(prefix).subject", locale: locale, arguments),
            text: localization.text("\(prefix).body", locale: locale, arguments))
    }
}
