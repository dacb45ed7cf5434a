/// The password rule, checked wherever a password is set (invitation, recovery, profile, command line).
/// Length matters more than character classes; a letter and a digit keep out the commonest weak choices.
public struct PasswordPolicy: Sendable {
    public var minimumLength: Int

    public init(minimumLength: Int = 8) {
        self.minimumLength = minimumLength
    }

    public enum Violation: String, Sendable, Equatable {
        case tooShort = "password.too_short"
        case tooLong = "password.too_long"
        case needsLetterAndDigit = "password.needs_letter_and_digit"
        case mismatch = "password.mismatch"
        case containsLogin = "password.contains_login"
    }

    /// Returns the first rule the password breaks, or nil when it is acceptable.
    public func check(_ password: String, confirmation: String, login: String) -> Violation? {
        if password.count < minimumLength { return .tooShort }
        // bcrypt ignores bytes past 72; refusing longer ones keeps the stored hash honest.
        if password.utf8.count > 72 { return .tooLong }
        if !password.contains(where: \.isLetter) || !password.contains(where: \.isNumber) {
            return .needsLetterAndDigit
        }
        if !login.isEmpty, password.lowercased().contains(login.lowercased()) { return .containsLogin }
        if password != confirmation { return .mismatch }
        return nil
    }
}
