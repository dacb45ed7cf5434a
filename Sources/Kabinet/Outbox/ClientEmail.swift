import Foundation

/// A letter to a client, as the seed's letters look: a greeting, a few paragraphs, one big button, a closing.
/// Rendered both as plain text (the button becomes its link on its own line) and as simple HTML with every
/// value escaped; the texts come from the localisation table, so the two never say different things.
struct ClientEmail: Sendable {
    var subject: String
    var greeting: String
    var paragraphs: [String]
    var button: (label: String, url: String)?
    var afterButton: [String] = []
    var closing: [String]

    var text: String {
        var lines = [greeting, ""]
        for paragraph in paragraphs { lines += [paragraph, ""] }
        if let button { lines += ["\(button.label): \(button.url)", ""] }
        for paragraph in afterButton { lines += [paragraph, ""] }
        lines += closing
        return lines.joined(separator: "\n")
    }

    var html: String {
        var body = "<p>\(Self.escape(greeting))</p>"
        for paragraph in paragraphs { body += "<p>\(Self.escape(paragraph))</p>" }
        if let button {
            body += "<p><a href=\"\(Self.escape(button.url))\" style=\"display:inline-block;padding:12px 24px;"
                + "background:#1f6f50;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold\">"
                + "\(Self.escape(button.label))</a></p>"
        }
        for paragraph in afterButton { body += "<p>\(Self.escape(paragraph))</p>" }
        body += "<p style=\"color:#555\">" + closing.map(Self.escape).joined(separator: "<br>") + "</p>"
        return "<!doctype html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>\(Self.escape(subject))</title></head>"
            + "<body style=\"font-family:Arial,sans-serif;font-size:15px;color:#222\">\(body)</body></html>"
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

extension Outbox {
    @discardableResult
    func email(to recipient: String, _ letter: ClientEmail, attachments: [UUID] = []) async throws -> UUID {
        try await email(to: recipient, subject: letter.subject, text: letter.text, html: letter.html, attachments: attachments)
    }
}
