import Fluent
import Foundation
import KabinetDomain
import Vapor
import VaporTesting

@testable import Kabinet

/// Filing applications the way the form does: multipart with the CSRF token, typed answers and attached files.
enum ApplicationExample {
    /// Issues the seed contract as the logged-in agent and marks it «Подписан»; returns the card path.
    /// `agreement`: the agent's «Номер АД» (agent3 sells under 2000001).
    static func signedContract(_ browser: Browser, _ app: Application, agreement: String = "1000002") async throws -> String {
        let path = try await ContractExample.issue(browser, quoteOverrides: ["agreement": agreement])
        try await app.setState(path, ContractState(status: .signed))
        return path
    }

    /// The answers of a valid change of surname, with the required scan.
    static let surnameChange: [String: String] = ["last_name": "Петров", "reason": "Смена фамилии (брак, развод)"]

    /// Posts the filing form for `type` on the contract at `contractPath`.
    @discardableResult
    static func file(_ browser: Browser, _ app: Application, contract contractPath: String, type: String,
                     answers: [String: String], files: [String: String] = ["document": "scan.pdf"])
        async throws -> TestingHTTPResponse
    {
        let contractID = String(contractPath.split(separator: "/").last ?? "")
        let typeID = try await app.applicationType(type).requireID().uuidString
        var fields = [("contract", contractID), ("type", typeID)]
        fields += answers.sorted { $0.key < $1.key }.map { ("answers[\($0.key)]", $0.value) }
        return try await multipart(browser, "/applications", fields: fields, files: files.map { ("files[\($0.key)]", $0.value) })
    }

    static func multipart(_ browser: Browser, _ path: String, fields: [(String, String)], files: [(String, String)])
        async throws -> TestingHTTPResponse
    {
        if browser.csrf == nil { try await browser.get("/login") }
        let boundary = "kabinet-application-boundary"
        var body = ""
        for (name, value) in fields + [("_csrf", browser.csrf ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for (name, filename) in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\n"
            body += "Content-Type: application/octet-stream\r\n\r\n%PDF-1.4 scan of \(filename)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await browser.send(.POST, path, contentType: "multipart/form-data; boundary=\(boundary)", body: body)
    }

    /// Files the surname change on a fresh signed contract of `browser`'s agent; returns the application's path.
    static func filedChange(_ browser: Browser, _ app: Application) async throws -> (application: String, contract: String) {
        let contract = try await signedContract(browser, app)
        let response = try await file(browser, app, contract: contract, type: DemoApplicationTypes.personalData, answers: surnameChange)
        guard response.status == .seeOther, let location = response.location else {
            throw TestFailure("application not filed: \(response.status) \(response.text.prefix(3000))")
        }
        return (location, contract)
    }
}

extension Application {
    func applicationType(_ name: String) async throws -> ApplicationType {
        guard let type = try await ApplicationType.query(on: db).filter(\.$name == name).first() else {
            throw TestFailure("no application type \(name)")
        }
        return type
    }

    func application(_ path: String) async throws -> ContractApplication {
        let id = UUID(uuidString: String(path.split(separator: "/").last ?? ""))
        guard let id, let application = try await ContractApplication.find(id, on: db) else { throw TestFailure("no application \(path)") }
        return application
    }

    func notifications(of login: String, kind: String? = nil) async throws -> [Kabinet.Notification] {
        let query = Kabinet.Notification.query(on: db).filter(\.$user.$id == (try await user(login).requireID()))
        if let kind { query.filter(\.$kind == kind) }
        return try await query.all()
    }
}
