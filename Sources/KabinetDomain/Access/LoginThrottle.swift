import Foundation

/// The lockout rule: after `maxFailures` failed logins within `window`, the account is locked for `lockDuration`.
/// Pure so the arithmetic is tested without a database; the app stores the three fields it returns.
public struct LoginThrottle: Sendable {
    public var maxFailures: Int
    public var window: TimeInterval
    public var lockDuration: TimeInterval

    public init(maxFailures: Int = 5, window: TimeInterval = 15 * 60, lockDuration: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.window = window
        self.lockDuration = lockDuration
    }

    /// What the account remembers about recent failures.
    public struct State: Equatable, Sendable {
        public var failures: Int
        public var firstFailureAt: Date?
        public var lockedUntil: Date?

        public init(failures: Int = 0, firstFailureAt: Date? = nil, lockedUntil: Date? = nil) {
            self.failures = failures
            self.firstFailureAt = firstFailureAt
            self.lockedUntil = lockedUntil
        }
    }

    public func isLocked(_ state: State, now: Date) -> Bool {
        guard let until = state.lockedUntil else { return false }
        return until > now
    }

    /// The state after one more failed attempt at `now`.
    public func recordingFailure(_ state: State, now: Date) -> State {
        var next = state
        if let first = state.firstFailureAt, now.timeIntervalSince(first) <= window {
            next.failures += 1
        } else {
            next.failures = 1
            next.firstFailureAt = now
        }
        if next.failures >= maxFailures {
            next.lockedUntil = now.addingTimeInterval(lockDuration)
            next.failures = 0
            next.firstFailureAt = nil
        }
        return next
    }

    /// A successful login or an administrator's unlock forgets everything.
    public static let cleared = State()
}
