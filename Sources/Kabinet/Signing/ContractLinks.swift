import Fluent
import Foundation
import SQLKit

/// Issues and looks up the client's links. Each is bound to one contract and one step and expires; a link of
/// another step or contract is simply unknown, whatever the client's browser remembers.
struct ContractLinks: Sendable {
    static let lifetime: [ContractLink.Purpose: TimeInterval] = [
        .confirmEmail: 3 * 24 * 3600, .sign: 3 * 24 * 3600, .pay: 30 * 24 * 3600,
    ]
    let database: any Database

    /// A new link; returns its secret (the only time it exists outside the client's mailbox).
    func issue(_ purpose: ContractLink.Purpose, contractID: UUID, signingID: UUID?, now: Date = Date()) async throws
        -> String
    {
        let secret = SecretToken.generate()
        try await ContractLink(
            contractID: contractID, signingID: signingID, purpose: purpose, tokenHash: SecretToken.hash(secret),
            expiresAt: now.addingTimeInterval(Self.lifetime[purpose] ?? 24 * 3600), now: now
        ).create(on: database)
        return secret
    }

    enum Lookup {
        case valid(ContractLink, Contract)
        /// Past its date: the client asks the agent to send again.
        case expired
        /// A single-use link already followed.
        case used(ContractLink, Contract)
        /// Replaced by a later sending (the agent corrected the e-mail and sent again).
        case revoked
        case unknown
    }

    func find(_ secret: String, purpose: ContractLink.Purpose, now: Date = Date()) async throws -> Lookup {
        guard secret.count == 43,
            let link = try await ContractLink.query(on: database)
                .filter(\.$tokenHash == SecretToken.hash(secret)).filter(\.$purpose == purpose).first(),
            let contract = try await Contract.find(link.$contract.id, on: database)
        else { return .unknown }
        if link.revokedAt != nil { return .revoked }
        if link.usedAt != nil { return .used(link, contract) }
        if link.expiresAt <= now { return .expired }
        return .valid(link, contract)
    }

    /// Marks a single-use link used with a conditional update, so a double click cannot use it twice.
    func consume(_ link: ContractLink, now: Date = Date()) async throws -> Bool {
        guard let id = link.id, let sql = database as? any SQLDatabase else { return false }
        let rows = try await sql.raw("""
            UPDATE contract_links SET used_at = \(bind: now) WHERE id = \(bind: id) AND used_at IS NULL \
            AND revoked_at IS NULL RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Every live link of the contract's signing steps stops working (a new sending replaces them). Payment links
    /// stay: the client may still pay from an earlier e-mail 3.
    func revokeSigningLinks(contractID: UUID, now: Date = Date()) async throws {
        try await ContractLink.query(on: database)
            .filter(\.$contract.$id == contractID).filter(\.$purpose != .pay).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }
}
