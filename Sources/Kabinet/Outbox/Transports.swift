import Foundation
import Vapor

/// Where e-mail goes. The development transport delivers nowhere: the outbox row itself is the message that the
/// development mailbox shows.
protocol EmailTransport: Sendable {
    var name: String { get }
    func send(_ message: MailMessage) async throws
}

/// Where SMS goes.
protocol SMSTransport: Sendable {
    var name: String { get }
    func send(to phone: String, text: String) async throws
}

struct DevelopmentEmailTransport: EmailTransport {
    let name = "development"
    func send(_ message: MailMessage) async throws {}
}

struct DevelopmentSMSTransport: SMSTransport {
    let name = "development"
    func send(to phone: String, text: String) async throws {}
}

struct SMTPEmailTransport: EmailTransport {
    let name = "smtp"
    let client: SMTPClient
    func send(_ message: MailMessage) async throws {
        try await client.send(message)
    }
}

/// An SMS gateway reached over HTTP: POST of JSON `{sender, phone, text}` with basic authentication, the shape
/// most Russian SMS aggregators accept. Any 2xx answer counts as accepted.
struct HTTPSMSTransport: SMSTransport {
    let name = "http"
    let url: String
    let login: String?
    let password: String?
    let sender: String
    let client: any Client

    struct Body: Content {
        var sender: String
        var phone: String
        var text: String
    }

    func send(to phone: String, text: String) async throws {
        let response = try await client.post(URI(string: url)) { request in
            if let login, let password { request.headers.basicAuthorization = .init(username: login, password: password) }
            try request.content.encode(Body(sender: sender, phone: phone, text: text), as: .json)
        }
        guard (200..<300).contains(response.status.code) else {
            throw SMSGatewayError(status: response.status.code)
        }
    }
}

struct SMSGatewayError: Error, CustomStringConvertible {
    let status: UInt
    var description: String { "SMS gateway answered HTTP \(status)" }
}

/// The transports in use, chosen in configure from the settings; tests put their own in.
struct Transports: Sendable {
    var email: any EmailTransport
    var sms: any SMSTransport
}

extension Application {
    private struct TransportsKey: StorageKey { typealias Value = Transports }

    var transports: Transports {
        get { storage[TransportsKey.self] ?? Transports(email: DevelopmentEmailTransport(), sms: DevelopmentSMSTransport()) }
        set { storage[TransportsKey.self] = newValue }
    }
}
