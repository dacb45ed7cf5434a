import Foundation
import NIOConcurrencyHelpers
import Vapor

@testable import Kabinet

/// A local stand-in for YooKassa's API v3, served on 127.0.0.1 on a free port: `POST /v3/payments` (basic auth,
/// `Idempotence-Key` — the same key gives the same payment) and `GET /v3/payments/:id`. Tests move a payment
/// on with `settle(_:as:)`, as the client paying at YooKassa would.
final class FakeYooKassa: Sendable {
    static let shopID = "506751"
    static let secretKey = "test_SecretKey"

    private let app: Application
    private let state = NIOLockedValueBox(State())
    let port: Int

    struct State {
        var payments: [String: YooKassaWire.Payment] = [:]
        var byKey: [String: String] = [:]
        var createRequests: [YooKassaWire.CreatePayment] = []
        var keys: [String] = []
    }

    var apiURL: String { "http://127.0.0.1:\(port)/v3" }
    var creates: [YooKassaWire.CreatePayment] { state.withLockedValue { $0.createRequests } }
    var keys: [String] { state.withLockedValue { $0.keys } }

    static func start() async throws -> FakeYooKassa {
        let app = try await Application.make(.testing)
        let fake = try await FakeYooKassa(app: app)
        return fake
    }

    private init(app: Application) async throws {
        self.app = app
        app.logger.logLevel = testLogLevel
        let box = state
        app.post("v3", "payments") { req -> Response in try Self.create(req, box) }
        app.get("v3", "payments", ":id") { req -> Response in
            try Self.authorize(req)
            guard let payment = box.withLockedValue({ $0.payments[req.parameters.get("id") ?? ""] }) else {
                return Response(status: .notFound, body: .init(string: #"{"type":"error","code":"not_found"}"#))
            }
            return try Self.json(payment)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw TestFailure("fake has no port") }
        self.port = port
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }

    /// The client paid (or gave up) at YooKassa.
    func settle(_ id: String, as status: String) {
        state.withLockedValue { state in
            state.payments[id]?.status = status
            if status == "succeeded" { state.payments[id]?.capturedAt = "2026-11-23T10:51:18.139Z" }
        }
    }

    private static func create(_ req: Request, _ box: NIOLockedValueBox<State>) throws -> Response {
        try authorize(req)
        guard let key = req.headers.first(name: "Idempotence-Key"), !key.isEmpty else { throw Abort(.badRequest) }
        let body = try req.content.decode(YooKassaWire.CreatePayment.self)
        let payment = box.withLockedValue { state -> YooKassaWire.Payment in
            state.keys.append(key)
            if let id = state.byKey[key], let existing = state.payments[id] { return existing }
            state.createRequests.append(body)
            let id = UUID().uuidString.lowercased()
            let confirmation = body.confirmation.type == "qr"
                ? YooKassaWire.Confirmation(type: "qr", confirmationData:
                    "https://qr.nspk.ru/BD10006S8U7GHV2I8PRB55J5KDF2J41M?type=02&bank=100000000022&sum=\(body.amount.value.filter(\.isNumber))&cur=RUB&crc=AB12")
                : YooKassaWire.Confirmation(type: "redirect", confirmationURL: "https://yoomoney.test/checkout/\(id)")
            let payment = YooKassaWire.Payment(id: id, status: "pending", amount: body.amount,
                                               confirmation: confirmation, metadata: body.metadata)
            state.payments[id] = payment
            state.byKey[key] = id
            return payment
        }
        return try json(payment)
    }

    private static func authorize(_ req: Request) throws {
        guard let basic = req.headers.basicAuthorization, basic.username == shopID, basic.password == secretKey else {
            throw Abort(.unauthorized)
        }
    }

    private static func json(_ payment: YooKassaWire.Payment) throws -> Response {
        let response = Response(status: .ok)
        try response.content.encode(payment, as: .json)
        return response
    }
}
