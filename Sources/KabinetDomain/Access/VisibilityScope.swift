/// Whose records a role sees. Seed 003 §6: a team lead or head sees the records of the users in their
/// access groups; a user in no group sees only their own.
public enum VisibilityScope: String, CaseIterable, Codable, Sendable {
    /// Only records the user owns.
    case own
    /// Own records plus those of every user sharing an access group with the user.
    case groups
    /// Every record of the user's partner agency.
    case agency
    /// Every record of the company (back office, administrators).
    case all
}
