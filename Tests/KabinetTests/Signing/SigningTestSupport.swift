import Fluent
import Foundation
import Vapor
import VaporTesting

@testable import Kabinet

/// The client's side of the signing as a person would do it: links read from the e-mails in the outbox, the code
/// read from the SMS. The client is a separate browser (not logged in).
struct SigningJourney {
    static let email = "yug@mail.ru"
    static let phone = "+7 (900) 100-01-01"
    let app: Application
    let agent: Browser
    let client: Browser
    let card: String

    /// The agent issues the seed's contract; nothing is sent yet.
    static func start(_ app: Application, client: Browser? = nil) async throws -> SigningJourney {
        let agent = Browser(app)
        try await agent.login("agent")
        let card = try await ContractExample.issue(agent)
        return SigningJourney(app: app, agent: agent, client: client ?? Browser(app), card: card)
    }

    func contract() async throws -> Contract { try await app.contract(card) }

    @discardableResult
    func send() async throws -> TestingHTTPResponse {
        try await agent.post("\(card)/send-documents")
    }

    /// The path of the newest link of `kind` ("/sign/email/", "/sign/code/", "/pay/") in the client's e-mails.
    func link(_ kind: String) async throws -> String {
        for message in try await app.outboxMessages(to: Self.email).reversed() {
            if let range = message.body.range(of: kind) {
                let token = message.body[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
                return kind + token
            }
        }
        throw TestFailure("no \(kind) link in the e-mails to \(Self.email)")
    }

    /// The newest SMS code sent to the contract's phone.
    func code() async throws -> String {
        guard let sms = try await app.outboxMessages(to: "+79001000101").last else { throw TestFailure("no SMS") }
        guard let code = sms.body.split(separator: " ").first(where: { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        else { throw TestFailure("no code in \(sms.body)") }
        return String(code)
    }

    /// E-mail 1 → the phone → e-mail 2; returns the code page's path.
    func confirmEmail() async throws -> String {
        let confirm = try await link("/sign/email/")
        try await client.get(confirm)
        let done = try await client.post(confirm, [("phone", Self.phone)])
        guard done.status == .ok, done.text.contains("Образцы документов отправлены на почту") else {
            throw TestFailure("e-mail not confirmed: \(done.status) \(done.text.prefix(800))")
        }
        return try await link("/sign/code/")
    }

    /// The whole client's part: send, confirm, request a code, enter it.
    func sign() async throws -> TestingHTTPResponse {
        try await send()
        let page = try await confirmEmail()
        try await client.post(page + "/send")
        return try await client.post(page, [("code", try await code())])
    }
}

/// The text of a PDF as a reader extracts it, when poppler's pdftotext is installed (CI installs it).
func pdfText(_ data: Data) async throws -> String? {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return nil }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kabinet-pdf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("in.pdf")
    let output = directory.appendingPathComponent("out.txt")
    try data.write(to: input)
    guard try await runProcess(["pdftotext", "-enc", "UTF-8", input.path, output.path]) == 0 else { return nil }
    return try String(contentsOf: output, encoding: .utf8)
}
