import Foundation

/// The limits of the simple electronic signature (ПЭП) by SMS code, and the decisions made with them. Pure, with
/// the clock passed in, so every refusal is tested at its exact boundary.
public struct SigningRules: Sendable {
    /// Digits in a code.
    public var codeLength = 6
    /// How long a code may be entered.
    public var codeLifetime: TimeInterval = 5 * 60
    /// Wrong entries of one code before it is dead and a new one must be requested.
    public var maxWrongEntries = 5
    /// Pause between two codes, so a finger on «Получить код» does not flood the client's phone.
    public var resendCooldown: TimeInterval = 60
    /// Codes a contract may receive per Moscow day.
    public var dailyCodeCap = 5
    /// Wrong phone numbers on the e-mail confirmation page before the link stops accepting tries.
    public var maxPhoneAttempts = 5

    public init() {}

    /// Why no code is sent now.
    public enum SendRefusal: Equatable, Sendable {
        /// Wait this many whole seconds (rounded up).
        case tooEarly(seconds: Int)
        case dailyCapReached
    }

    /// May a new code go out? `lastSentAt`: the previous code of this contract; `sentToday`: codes sent to this
    /// contract since the start of the Moscow day.
    public func mayResend(lastSentAt: Date?, sentToday: Int, now: Date) -> SendRefusal? {
        if sentToday >= dailyCodeCap { return .dailyCapReached }
        if let lastSentAt {
            let wait = lastSentAt.addingTimeInterval(resendCooldown).timeIntervalSince(now)
            if wait > 0 { return .tooEarly(seconds: Int(wait.rounded(.up))) }
        }
        return nil
    }

    /// The state of the latest code, as stored.
    public struct CodeState: Sendable {
        public var expiresAt: Date
        public var wrongEntries: Int
        public var used: Bool

        public init(expiresAt: Date, wrongEntries: Int, used: Bool) {
            self.expiresAt = expiresAt
            self.wrongEntries = wrongEntries
            self.used = used
        }
    }

    public enum CodeCheck: Equatable, Sendable {
        case accepted
        /// Not the code; this many tries of it are left (0: request a new one).
        case wrong(attemptsLeft: Int)
        case expired
        /// Too many wrong entries; request a new code.
        case exhausted
        /// Not six digits: nothing is counted.
        case malformed
        /// No live code: request one first.
        case noCode
    }

    /// Checks an entered code. `matches` compares with the stored hash only when the code is still usable, so an
    /// expired or dead code is never confirmed by a lucky guess.
    public func check(_ entered: String, latest: CodeState?, now: Date, matches: (String) -> Bool) -> CodeCheck {
        let code = entered.filter { !$0.isWhitespace }
        guard code.count == codeLength, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .malformed }
        guard let latest, !latest.used else { return .noCode }
        if latest.wrongEntries >= maxWrongEntries { return .exhausted }
        if latest.expiresAt <= now { return .expired }
        if matches(code) { return .accepted }
        return .wrong(attemptsLeft: max(0, maxWrongEntries - latest.wrongEntries - 1))
    }

    /// A new random code of `codeLength` digits, leading zeros kept.
    public func newCode<Generator: RandomNumberGenerator>(using generator: inout Generator) -> String {
        String((0..<codeLength).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }

    /// The phone typed on the confirmation page is the contract's: both reduced to their national digits.
    public static func samePhone(_ typed: String, asStoredDigits stored: String) -> Bool {
        guard let number = RussianPhoneNumber(typed) else { return false }
        return number.nationalDigits == stored
    }
}
