import Vapor

/// The page a person sees when a link from an e-mail or SMS no longer works (expired, used, revoked, unknown):
/// what happened and, where there is one, where to go next. One template serves the password links, the
/// client's signing links and the payment links.
struct LinkProblemPage: Encodable {
    struct Link: Encodable {
        var href: String
        var label: String
    }

    /// The page's heading; the page title when nil.
    var heading: String?
    var message: String
    /// `data-testid` of the message, one per kind of link.
    var testID: String
    var links: [Link] = []

    func render(_ req: Request, title key: String, status: HTTPStatus) async throws -> Response {
        try await req.page("link_problem", title: key, self, status: status)
    }
}
