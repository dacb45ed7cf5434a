import Fluent
import Foundation
import NIOCore
import Vapor
import VaporTesting

@testable import Kabinet

extension Browser {
    /// Posts the library's upload form as multipart, fields and one file, with the CSRF token and the cookies.
    func uploadDocument(_ fields: [(String, String)], file: Data?, filename: String = "blank.pdf",
                        path: String = "/documents/manage") async throws -> TestingHTTPResponse {
        if csrf == nil { try await get("/login") }
        let boundary = "kabinet-library-\(UUID().uuidString)"
        var body = ByteBuffer()
        for (name, value) in fields + [("_csrf", csrf ?? "")] {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        if let file {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n")
            body.writeString("Content-Type: application/octet-stream\r\n\r\n")
            body.writeBytes(file)
            body.writeString("\r\n")
        }
        body.writeString("--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        headers.add(name: .accept, value: "text/html")
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
    }
}

enum LibraryFixtures {
    static let pdf = Data("%PDF-1.4\n% Бланк для теста\n%%EOF\n".utf8)

    static func fields(title: String = "Заявление о смене адреса", category: String = "changes", version: String = "1.0",
                       issuedOn: String = "2026-10-01", family: String? = nil) -> [(String, String)] {
        var fields = [("title", title), ("category", category), ("version", version), ("issuedOn", issuedOn)]
        if let family { fields.append(("family", family)) }
        return fields
    }

    static func documents(_ app: Application) async throws -> [LibraryDocument] {
        try await LibraryDocument.query(on: app.db).sort(\.$uploadedAt).all()
    }

    static func document(_ app: Application, title: String) async throws -> LibraryDocument {
        guard let found = try await LibraryDocument.query(on: app.db).filter(\.$title == title)
            .sort(\.$uploadedAt, .descending).first() else { throw TestFailure("no document \(title)") }
        return found
    }
}
