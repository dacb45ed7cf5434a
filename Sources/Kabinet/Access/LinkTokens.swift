import Fluent
import Foundation
import SQLKit

/// Issues and redeems single-use e-mailed links (password recovery, invitations).
struct LinkTokens: Sendable {
    static let recoveryLifetime: TimeInterval = 3600
    static let invitationLifetime: TimeInterval = 7 * 24 * 3600
    let database: any Database

    /// Creates a token and returns its secret; any earlier unused token of the same purpose stops working.
    func issue(_ purpose: LinkToken.Purpose, for userID: UUID, now: Date = Date()) async throws -> String {
        try await LinkToken.query(on: database)
            .filter(\.$user.$id == userID).filter(\.$purpose == purpose).filter(\.$usedAt == nil)
            .set(\.$usedAt, to: now)
            .update()
        let secret = SecretToken.generate()
        let lifetime = purpose == .recovery ? Self.recoveryLifetime : Self.invitationLifetime
        try await LinkToken(userID: userID, purpose: purpose, tokenHash: SecretToken.hash(secret), expiresAt: now.addingTimeInterval(lifetime))
            .create(on: database)
        return secret
    }

    enum Lookup {
        case valid(LinkToken)
        case expired
        case used
        case unknown
    }

    /// Finds the token behind a link without consuming it (to show the form).
    func find(_ secret: String, purpose: LinkToken.Purpose, now: Date = Date()) async throws -> Lookup {
        guard let token = try await LinkToken.query(on: database)
            .filter(\.$tokenHash == SecretToken.hash(secret)).filter(\.$purpose == purpose).first()
        else { return .unknown }
        if token.usedAt != nil { return .used }
        if token.expiresAt <= now { return .expired }
        return .valid(token)
    }

    /// Marks the token used with a conditional update, so two simultaneous submissions cannot both succeed.
    func consume(_ token: LinkToken, now: Date = Date()) async throws -> Bool {
        guard let id = token.id, let sql = database as? any SQLDatabase else { return false }
        let rows = try await sql.raw("""
            UPDATE link_tokens SET used_at = \(bind: now) WHERE id = \(bind: id) AND used_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }
}
