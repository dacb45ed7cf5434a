import Foundation
import KabinetDomain
import Testing

@Suite("SMS code rules of the simple electronic signature")
struct SigningRulesTests {
    let rules = SigningRules()
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("A new code waits out the cooldown, to the second, and stops at the daily cap")
    func resend() {
        #expect(rules.mayResend(lastSentAt: nil, sentToday: 0, now: now) == nil)
        #expect(rules.mayResend(lastSentAt: now.addingTimeInterval(-59.2), sentToday: 1, now: now) == .tooEarly(seconds: 1))
        #expect(rules.mayResend(lastSentAt: now.addingTimeInterval(-10), sentToday: 1, now: now) == .tooEarly(seconds: 50))
        #expect(rules.mayResend(lastSentAt: now.addingTimeInterval(-60), sentToday: 1, now: now) == nil)
        #expect(rules.mayResend(lastSentAt: now.addingTimeInterval(-600), sentToday: 5, now: now) == .dailyCapReached)
    }

    @Test("The right code within five minutes is accepted; after that it is expired even if right")
    func expiry() {
        let live = SigningRules.CodeState(expiresAt: now.addingTimeInterval(1), wrongEntries: 0, used: false)
        #expect(rules.check("123456", latest: live, now: now) { $0 == "123456" } == .accepted)
        let dead = SigningRules.CodeState(expiresAt: now, wrongEntries: 0, used: false)
        #expect(rules.check("123456", latest: dead, now: now) { $0 == "123456" } == .expired)
    }

    @Test("Five wrong entries kill the code, the count of tries left goes down to zero")
    func wrongEntries() {
        for wrong in 0..<5 {
            let state = SigningRules.CodeState(expiresAt: now.addingTimeInterval(100), wrongEntries: wrong, used: false)
            #expect(rules.check("000000", latest: state, now: now) { $0 == "123456" } == .wrong(attemptsLeft: 4 - wrong))
        }
        let dead = SigningRules.CodeState(expiresAt: now.addingTimeInterval(100), wrongEntries: 5, used: false)
        #expect(rules.check("123456", latest: dead, now: now) { $0 == "123456" } == .exhausted)
    }

    @Test("Typing that is not six digits is not counted; no live code asks for one")
    func malformed() {
        let live = SigningRules.CodeState(expiresAt: now.addingTimeInterval(100), wrongEntries: 0, used: false)
        for typed in ["12345", "1234567", "12a456", ""] {
            #expect(rules.check(typed, latest: live, now: now) { _ in true } == .malformed)
        }
        #expect(rules.check("123 456", latest: live, now: now) { $0 == "123456" } == .accepted)
        #expect(rules.check("123456", latest: nil, now: now) { _ in true } == .noCode)
        let used = SigningRules.CodeState(expiresAt: now.addingTimeInterval(100), wrongEntries: 0, used: true)
        #expect(rules.check("123456", latest: used, now: now) { _ in true } == .noCode)
    }

    @Test("Codes are six digits with leading zeros kept, and differ")
    func codes() {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<200).map { _ in rules.newCode(using: &generator) }
        #expect(codes.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        #expect(Set(codes).count > 190)
    }

    @Test("The phone matches however it is typed")
    func phone() {
        #expect(SigningRules.samePhone("+7 (916) 123-45-67", asStoredDigits: "9161234567"))
        #expect(SigningRules.samePhone("89161234567", asStoredDigits: "9161234567"))
        #expect(!SigningRules.samePhone("+7 (916) 123-45-68", asStoredDigits: "9161234567"))
        #expect(!SigningRules.samePhone("+7 () - - -", asStoredDigits: "9161234567"))
    }
}
