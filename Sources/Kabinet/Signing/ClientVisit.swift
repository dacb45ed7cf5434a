import Vapor

/// Where a step of the client (or the agent) came from: kept with each signing event as evidence.
struct ClientVisit: Sendable {
    var ip: String?
    var userAgent: String?

    init(ip: String?, userAgent: String?) {
        self.ip = ip
        self.userAgent = userAgent
    }

    init(_ request: Request) {
        self.init(ip: request.clientIP, userAgent: request.headers.first(name: .userAgent))
    }
}
