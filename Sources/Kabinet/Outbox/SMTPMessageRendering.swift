import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// MIME rendering of a `MailMessage`: headers, encoded words and base64 parts, kept apart from the SMTP dialogue.
enum MIMEBuilder {
    struct Part { var headers: [String]; var content: String }

    /// Renders the full RFC 5322 message with CRLF line endings; every body is base64 so it is pure 7-bit ASCII.
    static func render(_ message: MailMessage, fallbackDomain: String, date: Date = Date()) -> String {
        var body = textPart(message.textBody, subtype: "plain")
        if let html = message.htmlBody {
            body = multipart("alternative", [body, textPart(html, subtype: "html")])
        }
        if !message.attachments.isEmpty {
            body = multipart("mixed", [body] + message.attachments.map(attachmentPart))
        }
        let headers = [
            "Date: " + rfc5322Date(date),
            "From: " + mailbox(message.from, name: message.fromName),
            "To: " + message.to.joined(separator: ",\r\n "),
            "Subject: " + headerText(message.subject),
            "Message-ID: " + messageID(message, fallbackDomain: fallbackDomain),
            "MIME-Version: 1.0",
        ] + body.headers
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body.content
    }

    /// Appends the ".\r\n" terminator and doubles a leading dot on any line (RFC 5321 4.5.2).
    static func dotStuffed(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var atLineStart = true
        for byte in text.utf8 {
            if atLineStart && byte == UInt8(ascii: ".") { out.append(byte) }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !atLineStart { out += Array("\r\n".utf8) }
        return out + Array(".\r\n".utf8)
    }

    static func textPart(_ text: String, subtype: String) -> Part {
        // RFC 2045: text must be in canonical CRLF form before base64.
        let canonical = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        return Part(headers: ["Content-Type: text/\(subtype); charset=utf-8", "Content-Transfer-Encoding: base64"],
                    content: base64Lines(Array(canonical.utf8)))
    }

    static func attachmentPart(_ attachment: MailAttachment) -> Part {
        let name = singleLine(attachment.filename)
        let type = singleLine(attachment.contentType).isEmpty ? "application/octet-stream" : singleLine(attachment.contentType)
        let plain = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        // RFC 2231 filename* for standards-aware clients, an encoded-word `name` for older ones.
        let typeName = plain ? name : "=?UTF-8?B?\(SMTPClient.base64(Array(name.utf8)))?="
        let disposition = plain ? "filename=\"\(name)\"" : "filename*=UTF-8''\(percentEncoded(name))"
        return Part(headers: ["Content-Type: \(type); name=\"\(typeName)\"",
                              "Content-Disposition: attachment; \(disposition)",
                              "Content-Transfer-Encoding: base64"],
                    content: base64Lines(attachment.data))
    }

    static func multipart(_ subtype: String, _ parts: [Part]) -> Part {
        // "=_" can never occur in base64 data, so the boundary cannot collide with content.
        let boundary = "=_kabinet_" + UUID().uuidString
        var content = ""
        for part in parts {
            content += "--\(boundary)\r\n" + part.headers.joined(separator: "\r\n") + "\r\n\r\n" + part.content
        }
        content += "--\(boundary)--\r\n"
        return Part(headers: ["Content-Type: multipart/\(subtype); boundary=\"\(boundary)\""], content: content)
    }

    /// base64 in 76-column lines, each ending in CRLF (RFC 2045 6.8).
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Array(SMTPClient.base64(bytes).utf8)
        return stride(from: 0, to: encoded.count, by: 76).map {
            String(decoding: encoded[$0..<min($0 + 76, encoded.count)], as: UTF8.self) + "\r\n"
        }.joined()
    }

    /// Plain ASCII stays readable; anything else becomes RFC 2047 encoded-words of at most 45 bytes
    /// (75 chars encoded), split on Unicode scalar boundaries and folded onto continuation lines.
    static func headerText(_ text: String) -> String {
        let flat = singleLine(text)
        if flat.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && flat.utf8.count <= 900 { return flat }
        var words: [String] = [], chunk: [UInt8] = []
        for scalar in flat.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 45 { words.append("=?UTF-8?B?\(SMTPClient.base64(chunk))?="); chunk = [] }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(SMTPClient.base64(chunk))?=") }
        return words.joined(separator: "\r\n ")
    }

    static func mailbox(_ address: String, name: String?) -> String {
        guard let name = name.map(singleLine), !name.isEmpty else { return address }
        let ascii = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        let display = ascii
            ? "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : headerText(name)
        return "\(display) <\(address)>"
    }

    static func messageID(_ message: MailMessage, fallbackDomain: String) -> String {
        if let given = message.messageID.map(singleLine), !given.isEmpty {
            return given.hasPrefix("<") ? given : "<\(given)>"
        }
        let domain = message.from.lastIndex(of: "@").map { String(message.from[message.from.index(after: $0)...]) }
        return "<\(UUID().uuidString.lowercased())@\(domain.flatMap { $0.isEmpty ? nil : $0 } ?? fallbackDomain)>"
    }

    /// RFC 5322 date, always English names whatever the server locale, in UTC.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// Header values must not contain line breaks (header injection); collapse them to spaces.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline }).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    static func percentEncoded(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$&+-.^_`|~".utf8)
        return text.utf8.map { safe.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }
}
