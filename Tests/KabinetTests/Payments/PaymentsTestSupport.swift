import Fluent
import Foundation
import KabinetDomain
import NIOHTTP1
import Vapor
import VaporTesting

@testable import Kabinet

/// A contract the agent issued and the client signed, with its «Оплатить премию» link, as e-mail 3 carries it.
struct PayableContract {
    var contract: Contract
    var token: String
    var path: String { "/pay/\(token)" }
    var id: UUID { contract.id! }
}

enum PaymentExample {
    /// The agent issues the seed contract; `signed` applies «Подписан» as the SMS code would.
    static func contract(_ app: Application, signed: Bool = true, linkIssuedAt: Date = Date()) async throws
        -> PayableContract
    {
        let agent = Browser(app)
        try await agent.login("agent")
        let card = try await ContractExample.issue(agent)
        var contract = try await app.contract(card)
        if signed {
            let result = try await ContractStatusChange.system("client", on: app.db).apply(.sign, to: contract, on: app.db)
            contract = try result.get()
        }
        let token = try await ContractLinks(database: app.db)
            .issue(.pay, contractID: contract.requireID(), signingID: nil, now: linkIssuedAt)
        return PayableContract(contract: contract, token: token)
    }

    /// The client presses «Оплатить СБП»; returns the payment waiting for them.
    @discardableResult
    static func startSBP(_ client: Browser, _ payable: PayableContract) async throws -> Payment {
        let response = try await client.post(payable.path + "/sbp")
        guard response.status == .seeOther else { throw TestFailure("sbp: \(response.status) \(response.text.prefix(500))") }
        guard let payment = try await PaymentStarter.waiting(for: payable.id, method: .sbp, on: client.app.db) else {
            throw TestFailure("no waiting payment")
        }
        return payment
    }

    /// A sandbox notification signed with the app's secret (or `secret`), as an external tool would send it.
    static func sandboxCallback(_ app: Application, paymentID: String, status: Payment.Status, amountMinor: Int64,
                                secret: String? = nil) async throws -> TestingHTTPResponse {
        let body = try SandboxNotificationBody(
            paymentID: paymentID, status: status.rawValue, amountMinor: amountMinor, currency: "RUB", at: Date()).json()
        let signer = SandboxSigner(secret: secret ?? app.settings.payments.sandboxSecret)
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: SandboxSigner.header, value: signer.signature(of: body))
        return try await app.testing().sendRequest(.POST, "/payments/callback/sandbox", headers: headers,
                                                   body: ByteBuffer(string: body))
    }
}

extension Application {
    func reloaded(_ contract: Contract) async throws -> Contract {
        guard let fresh = try await Contract.find(contract.id, on: db) else { throw TestFailure("contract gone") }
        return fresh
    }

    func history(_ contractID: UUID, action: String) async throws -> [ContractHistoryEntry] {
        try await ContractHistoryEntry.query(on: db).filter(\.$contract.$id == contractID)
            .filter(\.$action == action).all()
    }

    func payments(of contractID: UUID) async throws -> [Payment] {
        try await Payment.query(on: db).filter(\.$contract.$id == contractID).sort(\.$createdAt).all()
    }
}
