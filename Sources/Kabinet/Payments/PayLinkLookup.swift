import Fluent
import Vapor

/// Finds the contract of a pay link, or answers with a page saying what went wrong and what to do: a link
/// past its date or replaced is not a server error, the client asks the agent to send the documents again.
enum PayLinkLookup {
    static func contract(_ req: Request) async throws -> (Contract, String) {
        let token = req.parameters.get("token") ?? ""
        switch try await ContractLinks(database: req.db).find(token, purpose: .pay) {
        case .valid(_, let contract), .used(_, let contract):
            // Pay links are never consumed; `.used` cannot happen, but a used one still names its contract.
            return (contract, token)
        case .expired:
            throw PayLinkRefusal(status: .gone, messageKey: "payments.link.expired")
        case .revoked, .unknown:
            throw PayLinkRefusal(status: .notFound, messageKey: "payments.link.unknown")
        }
    }
}

/// Rendered as the link-problem page by `PayLinkRefusal.response(on:)`.
struct PayLinkRefusal: Error {
    var status: HTTPStatus
    var messageKey: String
}

/// Turns `PayLinkRefusal` into its page for the pay routes.
struct PayLinkRefusalMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let refusal as PayLinkRefusal {
            let page = LinkProblemPage(heading: request.t("payments.pay.heading"), message: request.t(refusal.messageKey),
                                       testID: "pay-link-problem")
            return try await page.render(request, title: "payments.pay.title", status: refusal.status)
        }
    }
}
