import Foundation
import KabinetDomain
import Testing

@Suite("Login throttle")
struct LoginThrottleTests {
    let throttle = LoginThrottle()
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("Five failures within 15 minutes lock for 15 minutes")
    func locks() {
        var state = LoginThrottle.cleared
        for minute in 0..<4 {
            state = throttle.recordingFailure(state, now: start.addingTimeInterval(Double(minute) * 60))
            #expect(!throttle.isLocked(state, now: start.addingTimeInterval(Double(minute) * 60)))
        }
        state = throttle.recordingFailure(state, now: start.addingTimeInterval(240))
        #expect(throttle.isLocked(state, now: start.addingTimeInterval(241)))
        #expect(throttle.isLocked(state, now: start.addingTimeInterval(240 + 899)))
        #expect(!throttle.isLocked(state, now: start.addingTimeInterval(240 + 901)))
    }

    @Test("Failures spread over more than 15 minutes do not lock")
    func window() {
        var state = LoginThrottle.cleared
        for index in 0..<10 {
            state = throttle.recordingFailure(state, now: start.addingTimeInterval(Double(index) * 301))
        }
        #expect(!throttle.isLocked(state, now: start.addingTimeInterval(3100)))
    }
}

@Suite("Password policy")
struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test("Accepts a good password and names the first broken rule otherwise", arguments: [
        ("Kabinet2024", "Kabinet2024", "ivanov", nil),
        ("Ab1", "Ab1", "ivanov", PasswordPolicy.Violation.tooShort),
        ("abcdefghij", "abcdefghij", "ivanov", .needsLetterAndDigit),
        ("12345678901", "12345678901", "ivanov", .needsLetterAndDigit),
        ("Ivanov2024x", "Ivanov2024x", "ivanov", .containsLogin),
        ("Kabinet2024", "Kabinet2025", "ivanov", .mismatch),
        (String(repeating: "я1", count: 40), String(repeating: "я1", count: 40), "ivanov", .tooLong),
    ] as [(String, String, String, PasswordPolicy.Violation?)])
    func rules(password: String, confirmation: String, login: String, expected: PasswordPolicy.Violation?) {
        #expect(policy.check(password, confirmation: confirmation, login: login) == expected)
    }
}

@Suite("Permissions and visibility")
struct AccessDecisionTests {
    @Test("Stored permissions round-trip and unknown names are skipped")
    func storage() {
        let set = BuiltInRole.operator.permissions
        #expect(PermissionSet(stored: set.stored) == set)
        #expect(PermissionSet(stored: "contracts.view,unknown.thing,contracts.fly") == PermissionSet([Permission(.contracts, .view)]))
    }

    @Test("Scopes decide whose records are visible")
    func scopes() {
        let me = UUID(), peer = UUID(), stranger = UUID(), agency = UUID(), otherAgency = UUID()
        func subject(_ scope: VisibilityScope) -> AccessSubject {
            AccessSubject(userID: me, permissions: BuiltInRole.administrator.permissions, scope: scope, agencyID: agency, groupPeerIDs: [me, peer])
        }
        let mine = RecordOwnership(ownerID: me, agencyID: agency)
        let peers = RecordOwnership(ownerID: peer, agencyID: otherAgency)
        let strangers = RecordOwnership(ownerID: stranger, agencyID: agency)
        let farAway = RecordOwnership(ownerID: stranger, agencyID: otherAgency)
        #expect(subject(.own).canSee(mine) && !subject(.own).canSee(peers) && !subject(.own).canSee(strangers))
        #expect(subject(.groups).canSee(peers) && !subject(.groups).canSee(strangers))
        #expect(subject(.agency).canSee(strangers) && !subject(.agency).canSee(peers))
        #expect(subject(.all).canSee(farAway))
    }

    @Test("A permission without visibility is not enough, and visibility without permission neither")
    func both() {
        let me = UUID()
        let agent = AccessSubject(userID: me, permissions: BuiltInRole.agent.permissions, scope: .own, agencyID: nil, groupPeerIDs: [])
        #expect(agent.may(.edit, in: .contracts, on: RecordOwnership(ownerID: me, agencyID: nil)))
        #expect(!agent.may(.edit, in: .contracts, on: RecordOwnership(ownerID: UUID(), agencyID: nil)))
        #expect(!agent.may(.manage, in: .administration, on: RecordOwnership(ownerID: me, agencyID: nil)))
    }

    @Test("E-mail and login checks")
    func validators() {
        #expect(EmailAddress.isValid("ivanov@example.ru"))
        for bad in ["", "a@", "@b.ru", "a b@c.ru", "a@b", "a@@b.ru", "a@b..ru"] { #expect(!EmailAddress.isValid(bad), "\(bad)") }
        #expect(LoginRule.isValid("agent.ivanov"))
        #expect(!LoginRule.isValid("иванов"))
        #expect(!LoginRule.isValid("ab"))
    }
}
