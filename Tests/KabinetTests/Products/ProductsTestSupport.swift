import Foundation
import KabinetDomain
import NIOHTTP1
import Vapor
import VaporTesting

@testable import Kabinet

/// The seed's example («Продукт 1», 100 000 ₽ a year for 5 years, a man of 32, all five risks) with dates
/// relative to today: the start tomorrow, the birth 32 years and 3 months earlier, so the 25–34 rates apply.
enum SeedExample {
    static let nbsp = "\u{00A0}"
    static let allRisks = ["survival", "assistance", "accidentDeath", "accidentDisability", "accidentInjury"]
    static let mandatoryRisks = ["survival", "assistance", "accidentDeath"]

    static var today: CalendarDate { CalendarDate(Date(), timeZone: MoscowTime.zone) }
    static var start: CalendarDate { today.adding(days: 1) }
    static var birth: CalendarDate { today.adding(years: -32).adding(days: -92) }

    /// The posted form; `overrides` replace fields by name, `risks` the ticked risks.
    static func form(_ overrides: [String: String] = [:], risks: [String] = allRisks) -> [(String, String)] {
        var fields: [String: String] = [
            "startDate": start.russian, "frequency": "annual", "term": "5", "basis": "premium", "premium": "100 000",
            "agreement": "1000002", "sex": "male", "birthDate": birth.russian, "lastName": "Иванов", "firstName": "Юрий",
            "middleName": "Германович", "isPolicyholder": "1",
        ]
        fields.merge(overrides) { $1 }
        return fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } + risks.map { ("risks[]", $0) }
    }

    /// «603 566,62 ₽» as the page writes it (no-break spaces).
    static func rub(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: nbsp) + nbsp + "₽"
    }
}

extension TestingHTTPResponse {
    /// The text of the element with `data-testid="<id>"` (first match), for reading one cell of a table.
    func cell(_ id: String) -> String? {
        let pattern = "data-testid=\"\(NSRegularExpression.escapedPattern(for: id))\"[^>]*>([^<]*)<"
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    /// The message shown next to a form field.
    func fieldError(_ field: String) -> String? {
        let pattern = "data-field=\"\(NSRegularExpression.escapedPattern(for: field))\">([^<]*)<"
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }
}

extension Browser {
    /// Posts a file through a multipart form, as the tariff upload form does, with the CSRF token.
    func upload(_ path: String, file data: Data, name: String = "tariff.json") async throws -> TestingHTTPResponse {
        if csrf == nil { try await get("/login") }
        let boundary = "kabinet-test-\(UUID().uuidString)"
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf ?? "")\r\n")
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\n")
        body.writeString("Content-Type: application/json\r\n\r\n")
        body.writeBytes(data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers = HTTPHeaders()
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        headers.add(name: .accept, value: "text/html")
        headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: body)
    }
}

extension Application {
    /// The bundled tariff file of a product, as the administrator would download it.
    func bundledTariff(_ code: String) throws -> [String: Any] {
        let url = ProductCatalogStore.bundledDirectory.appendingPathComponent("\(code).json")
        let data = try Data(contentsOf: url)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Saved quotes, newest first.
    func savedQuotes() async throws -> [SavedQuote] {
        try await SavedQuote.query(on: db).sort(\.$createdAt, .descending).all()
    }
}
