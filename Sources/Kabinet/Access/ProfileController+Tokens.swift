import Foundation
import Vapor

/// «Токены API» on the profile page: create a personal token (its secret is shown once), see when each was last
/// used, revoke one.
extension ProfileController {
    struct TokenRow: Encodable {
        var id: UUID
        var name: String
        var created: String
        var lastUsed: String?
    }

    struct NewToken: Encodable {
        var name: String
        var secret: String
    }

    struct TokenForm: Content {
        var name: String?
    }

    func tokenRows(_ req: Request, userID: UUID) async throws -> [TokenRow] {
        try await APITokens(database: req.db, audit: req.audit).list(for: userID).map { token in
            TokenRow(id: try token.requireID(), name: token.name, created: MoscowTime.dateTime(token.createdAt),
                lastUsed: token.lastUsedAt.map(MoscowTime.dateTime))
        }
    }

    /// Answers with the page itself rather than a redirect: the secret must not travel through a cookie or a URL,
    /// and the page is marked not to be stored.
    func createToken(req: Request) async throws -> Response {
        let actor = try req.actor
        let form = try req.content.decode(TokenForm.self)
        let tokens = APITokens(database: req.db, audit: req.audit)
        do {
            let created = try await tokens.create(for: actor.userID, name: form.name ?? "")
            let response = try await render(req, errors: [:], newToken: NewToken(name: created.token.name, secret: created.secret))
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
            return response
        } catch AppError.validation(let problems) {
            return try await render(req, errors: req.messages(for: problems), status: .unprocessableEntity)
        }
    }

    func revokeToken(req: Request) async throws -> Response {
        let actor = try req.actor
        guard let id = req.parameters.get("id", as: UUID.self) else { throw AppError.notFound }
        try await APITokens(database: req.db, audit: req.audit).revoke(id, of: actor.userID)
        req.application.apiActorCache.clear()
        return req.redirect(to: "/profile#tokens", flash: "tokens.revoked")
    }
}
