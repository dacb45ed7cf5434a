import Foundation
import NIOConcurrencyHelpers
import Vapor

/// A real HTTP server on loopback standing in for the company's core system: it records every request to
/// `/hook` and answers with the statuses it is told, then 200.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var headers: HTTPHeaders
        var body: String
    }

    private let app: Application
    let url: String
    private let state: NIOLockedValueBox<(received: [Received], answers: [HTTPStatus])>
    private let stopped = NIOLockedValueBox(false)

    private init(app: Application, url: String, state: NIOLockedValueBox<(received: [Received], answers: [HTTPStatus])>) {
        self.app = app
        self.url = url
        self.state = state
    }

    static func start(answering answers: [HTTPStatus] = []) async throws -> WebhookReceiver {
        let app = try await Application.make(.testing)
        app.logger.logLevel = testLogLevel
        let state = NIOLockedValueBox<(received: [Received], answers: [HTTPStatus])>((received: [], answers: answers))
        app.post("hook") { req -> HTTPStatus in
            let body = req.body.string ?? ""
            return state.withLockedValue { value in
                value.received.append(Received(headers: req.headers, body: body))
                return value.answers.isEmpty ? .ok : value.answers.removeFirst()
            }
        }
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        try await app.server.start(address: nil)
        guard let port = app.http.server.shared.localAddress?.port else {
            try await app.asyncShutdown()
            throw TestFailure("the webhook receiver did not start")
        }
        return WebhookReceiver(app: app, url: "http://127.0.0.1:\(port)/hook", state: state)
    }

    var received: [Received] { state.withLockedValue { $0.received } }

    /// Stops the server; again is a no-op, so a test may stop it early to make the address unreachable.
    func stop() async {
        let first = stopped.withLockedValue { wasStopped in
            defer { wasStopped = true }
            return !wasStopped
        }
        guard first else { return }
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }
}
