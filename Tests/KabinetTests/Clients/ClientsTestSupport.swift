import Fluent
import Foundation
import KabinetDomain
import Vapor
import VaporTesting

@testable import Kabinet

/// The client of the seed's contract example (Иванов Юрий Германович, born as in `SeedExample`, phone
/// +7 (900) 100-01-01) as the client form posts him, and the agent's steps with the SMS code read from the outbox.
enum ClientExample {
    static let phone = "+7 (900) 100-01-01"
    static let sms = "+79001000101"

    /// The form's fields; `overrides` replace or add fields (an empty value posts an empty field).
    static func form(_ overrides: [String: String] = [:], removing: Set<String> = []) -> [(String, String)] {
        var fields = [
            "lastName": "Иванов", "firstName": "Юрий", "middleName": "Германович",
            "birthDate": SeedExample.birth.russian, "email": "yug@mail.ru", "documentKind": "", "documentNumber": "",
            "documentIssueDate": "", "comment": "", "step": "save",
        ]
        fields.merge(overrides) { $1 }
        for name in removing { fields[name] = nil }
        return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The newest code texted to `recipient`.
    static func code(_ app: Application, to recipient: String = sms) async throws -> String {
        guard let message = try await app.outboxMessages(to: recipient).last else { throw TestFailure("no SMS to \(recipient)") }
        guard let code = message.body.split(separator: " ").first(where: { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        else { throw TestFailure("no code in \(message.body)") }
        return String(code)
    }

    /// «Подтвердить» on the add form (or on `path`, a profile's form).
    @discardableResult
    static func confirm(_ browser: Browser, path: String = "/clients", _ overrides: [String: String] = [:]) async throws
        -> TestingHTTPResponse
    {
        var fields = ["withPhone": "1", "phone": phone, "step": "confirm"]
        fields.merge(overrides) { $1 }
        return try await browser.post(path, form(fields))
    }

    /// Adds without a phone; returns the profile's path.
    static func add(_ browser: Browser, _ overrides: [String: String] = [:]) async throws -> String {
        try location(of: try await browser.post("/clients", form(overrides)))
    }

    /// «Подтвердить», the code from the SMS, «Сохранить данные»; returns the profile's path.
    static func addWithPhone(_ browser: Browser, _ app: Application, _ overrides: [String: String] = [:]) async throws -> String {
        var fields = ["withPhone": "1", "phone": phone]
        fields.merge(overrides) { $1 }
        let sent = try await confirm(browser, fields)
        guard sent.status == .ok else { throw TestFailure("code not sent: \(sent.status) \(sent.text.prefix(1500))") }
        let recipient = "+7" + (RussianPhoneNumber(fields["phone"]!)?.nationalDigits ?? "")
        fields["code"] = try await code(app, to: recipient)
        return try location(of: try await browser.post("/clients", form(fields)))
    }

    static func location(of response: TestingHTTPResponse) throws -> String {
        guard response.status == .seeOther, let location = response.location else {
            throw TestFailure("client not saved: \(response.status) \(response.text.prefix(2000))")
        }
        return location
    }

    static func logged(_ app: Application, _ login: String) async throws -> Browser {
        let browser = Browser(app)
        try await browser.login(login)
        return browser
    }
}

extension Application {
    func clients() async throws -> [ClientRecord] {
        try await ClientRecord.query(on: db).all()
    }

    func client(_ path: String) async throws -> ClientRecord {
        let id = UUID(uuidString: String(path.split(separator: "/").last ?? ""))
        guard let id, let client = try await ClientRecord.find(id, on: db) else { throw TestFailure("no client \(path)") }
        return client
    }

    /// Moves every client code a few minutes back, past the pause between codes to one phone.
    func ageClientCodes() async throws {
        for code in try await ClientPhoneCode.query(on: db).all() {
            code.sentAt = code.sentAt.addingTimeInterval(-120)
            try await code.save(on: db)
        }
    }

    func memberships(_ path: String) async throws -> [ClientMembership] {
        try await ClientMembership.query(on: db).filter(\.$client.$id == client(path).requireID()).all()
    }
}
