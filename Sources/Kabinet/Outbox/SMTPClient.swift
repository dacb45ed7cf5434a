import Foundation
import NIOCore
import NIOPosix
import NIOSSL

// A small SMTP submission client (RFC 5321 / 6409) on SwiftNIO, so outgoing mail needs no
// extra dependency beyond the NIO stack the server already runs on. One `send` = one connection.

// MARK: - Public API

/// Where and how to submit mail.
public struct SMTPSettings: Sendable {
    /// How the connection is protected.
    public enum Security: String, Sendable {
        /// Plain text throughout: local relays and test sinks only.
        case none
        /// Plain connect, then upgrade with STARTTLS before any credentials are sent (port 587).
        case startTLS = "starttls"
        /// TLS from the first byte, a.k.a. SMTPS (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    /// When set, the client authenticates (AUTH PLAIN, or LOGIN if that is all the server offers).
    public var username: String?
    public var password: String?
    /// Name announced in EHLO/HELO; some servers reject names that are not FQDN-like.
    public var heloName: String
    /// Only turn off for tests or self-signed relays: it disables protection against MITM.
    public var verifyCertificates: Bool
    /// Limit for connecting and for each server reply.
    public var timeout: TimeAmount

    public init(
        host: String, port: Int = 587, security: Security = .startTLS,
        username: String? = nil, password: String? = nil, heloName: String = "kabinet.local",
        verifyCertificates: Bool = true, timeout: TimeAmount = .seconds(20)
    ) {
        self.host = host; self.port = port; self.security = security
        self.username = username; self.password = password; self.heloName = heloName
        self.verifyCertificates = verifyCertificates; self.timeout = timeout
    }
}

public struct MailAttachment: Sendable {
    public var filename: String      // may be non-ASCII: sent with RFC 2231 encoding
    public var contentType: String   // e.g. "application/pdf"
    public var data: [UInt8]

    public init(filename: String, contentType: String = "application/octet-stream", data: [UInt8]) {
        self.filename = filename; self.contentType = contentType; self.data = data
    }
    public init(filename: String, contentType: String = "application/octet-stream", data: Data) {
        self.init(filename: filename, contentType: contentType, data: [UInt8](data))
    }
}

public struct MailMessage: Sendable {
    public var from: String               // bare address, e.g. "noreply@kabinet.local"
    public var fromName: String?          // display name, may be Cyrillic
    public var to: [String]               // bare addresses
    public var subject: String
    public var textBody: String
    public var htmlBody: String?          // adds a multipart/alternative HTML version
    public var attachments: [MailAttachment]
    public var messageID: String?         // generated as <uuid@sender-domain> when nil

    public init(
        from: String, fromName: String? = nil, to: [String], subject: String, textBody: String,
        htmlBody: String? = nil, attachments: [MailAttachment] = [], messageID: String? = nil
    ) {
        self.from = from; self.fromName = fromName; self.to = to; self.subject = subject
        self.textBody = textBody; self.htmlBody = htmlBody; self.attachments = attachments
        self.messageID = messageID
    }
}

public enum SMTPError: Error, CustomStringConvertible, Sendable {
    /// The server answered `command` with a code we did not expect (credentials are never shown).
    case unexpectedReply(command: String, code: Int, text: String)
    case connectionClosed
    case timeout
    /// `.startTLS` was requested but the server does not offer STARTTLS: we refuse to go on in clear.
    case tlsUnavailable
    /// A username is set but the server advertises no AUTH (often: it only offers AUTH after TLS).
    case authenticationUnavailable
    case malformedReply(String)
    /// Empty, or containing characters that would break the SMTP command or the headers.
    case invalidAddress(String)
    case noRecipients

    public var description: String {
        switch self {
        case let .unexpectedReply(command, code, text): "SMTP: \(command) failed: \(code) \(text)"
        case .connectionClosed: "SMTP: connection closed by server"
        case .timeout: "SMTP: timed out"
        case .tlsUnavailable: "SMTP: server does not offer STARTTLS"
        case .authenticationUnavailable: "SMTP: server offers no AUTH mechanism"
        case let .malformedReply(line): "SMTP: malformed reply: \(line)"
        case let .invalidAddress(address): "SMTP: invalid address: \(address)"
        case .noRecipients: "SMTP: message has no recipients"
        }
    }
}

public struct SMTPClient: Sendable {
    public let settings: SMTPSettings
    public let eventLoopGroup: any EventLoopGroup

    public init(settings: SMTPSettings, eventLoopGroup: any EventLoopGroup) {
        self.settings = settings; self.eventLoopGroup = eventLoopGroup
    }

    /// Connects, runs the whole dialogue and disconnects. Throws unless the server accepted the message.
    public func send(_ message: MailMessage) async throws {
        guard !message.to.isEmpty else { throw SMTPError.noRecipients }
        for address in [message.from] + message.to where !Self.isValidAddress(address) {
            throw SMTPError.invalidAddress(address)
        }
        let payload = MIMEBuilder.dotStuffed(MIMEBuilder.render(message, fallbackDomain: settings.heloName))
        var tls: NIOSSLContext?
        if settings.security != .none {
            var config = TLSConfiguration.makeClientConfiguration()
            if !settings.verifyCertificates { config.certificateVerification = .none }
            tls = try NIOSSLContext(configuration: config)
        }
        let channel = try await connect(implicitTLS: settings.security == .tls ? tls : nil)
        do {
            try await converse(channel, tls: tls, message: message, payload: payload)
            try? await channel.close().get()
        } catch {
            try? await channel.close().get()
            throw error
        }
    }

    // MARK: Dialogue

    private func converse(_ channel: any Channel, tls: NIOSSLContext?, message: MailMessage, payload: [UInt8]) async throws {
        try await command(channel, nil, label: "greeting", expect: [220])
        var extensions = try await hello(channel)
        if settings.security == .startTLS {
            guard let tls, extensions["STARTTLS"] != nil else { throw SMTPError.tlsUnavailable }
            try await command(channel, "STARTTLS", expect: [220])
            // The TLS handler goes in front of the line decoder, so everything after is decrypted first.
            let sni = serverNameIndication
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(
                    NIOSSLClientHandler(context: tls, serverHostname: sni), position: .first)
            }.get()
            extensions = try await hello(channel)  // RFC 3207: forget everything learned before TLS
        }
        if let username = settings.username {
            try await authenticate(channel, username: username, password: settings.password ?? "", extensions: extensions)
        }
        try await command(channel, "MAIL FROM:<\(message.from)>", expect: [250])
        for recipient in message.to {
            try await command(channel, "RCPT TO:<\(recipient)>", expect: [250, 251])
        }
        try await command(channel, "DATA", expect: [354])
        try await command(channel, channel.allocator.buffer(bytes: payload), label: "DATA (message)", expect: [250])
        // The message is accepted at this point; a server that drops the line instead of saying 221 is harmless.
        _ = try? await exchange(channel, channel.allocator.buffer(string: "QUIT\r\n"))
    }

    /// EHLO, falling back to HELO for very old servers. Returns extension keyword -> parameters.
    private func hello(_ channel: any Channel) async throws -> [String: [String]] {
        let reply = try await exchange(channel, channel.allocator.buffer(string: "EHLO \(settings.heloName)\r\n"))
        guard reply.code == 250 else {
            // Only a 5xx ("command not recognised") means "no ESMTP"; e.g. 421 is a real refusal.
            guard reply.code >= 500 else {
                throw SMTPError.unexpectedReply(command: "EHLO", code: reply.code, text: reply.lines.joined(separator: " / "))
            }
            try await command(channel, "HELO \(settings.heloName)", expect: [250])
            return [:]
        }
        var extensions: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {  // first line is the server's greeting text
            var words = line.split(separator: " ").map { $0.uppercased() }
            guard !words.isEmpty else { continue }
            var keyword = words.removeFirst()
            if keyword.hasPrefix("AUTH=") {  // pre-standard "AUTH=LOGIN PLAIN" form
                words.insert(String(keyword.dropFirst(5)), at: 0); keyword = "AUTH"
            }
            extensions[keyword, default: []] += words
        }
        return extensions
    }

    private func authenticate(_ channel: any Channel, username: String, password: String, extensions: [String: [String]]) async throws {
        guard let mechanisms = extensions["AUTH"], !mechanisms.isEmpty else { throw SMTPError.authenticationUnavailable }
        if mechanisms.contains("LOGIN") && !mechanisms.contains("PLAIN") {
            try await command(channel, "AUTH LOGIN", expect: [334])
            try await command(channel, Self.base64(Array(username.utf8)), label: "AUTH LOGIN (username)", expect: [334])
            try await command(channel, Self.base64(Array(password.utf8)), label: "AUTH LOGIN (password)", expect: [235])
        } else {
            let token = Self.base64([0] + Array(username.utf8) + [0] + Array(password.utf8))
            try await command(channel, "AUTH PLAIN \(token)", label: "AUTH PLAIN", expect: [235])
        }
    }

    private func command(_ channel: any Channel, _ line: String?, label: String? = nil, expect codes: Set<Int>) async throws {
        try await command(channel, line.map { channel.allocator.buffer(string: $0 + "\r\n") },
                          label: label ?? line ?? "", expect: codes)
    }

    private func command(_ channel: any Channel, _ bytes: ByteBuffer?, label: String, expect codes: Set<Int>) async throws {
        let reply = try await exchange(channel, bytes)
        guard codes.contains(reply.code) else {
            throw SMTPError.unexpectedReply(command: label, code: reply.code, text: reply.lines.joined(separator: " / "))
        }
    }

    /// Sends `bytes` (nothing for the greeting) and waits for the next complete reply.
    private func exchange(_ channel: any Channel, _ bytes: ByteBuffer?) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        // A write on a closed channel never reaches our handler, so fail the reply promise here too.
        channel.writeAndFlush(SMTPRequest(payload: bytes, reply: promise)).whenFailure { promise.fail($0) }
        do { return try await promise.futureResult.get() } catch { throw Self.mapped(error) }
    }

    // MARK: Connection

    private func connect(implicitTLS: NIOSSLContext?) async throws -> any Channel {
        let timeout = settings.timeout, sni = serverNameIndication
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(timeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try pipeline.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: sni))
                    }
                    try pipeline.addHandler(ByteToMessageHandler(SMTPLineDecoder()))
                    try pipeline.addHandler(SMTPReplyHandler(timeout: timeout))
                }
            }
        do { return try await bootstrap.connect(host: settings.host, port: settings.port).get() }
        catch { throw Self.mapped(error) }
    }

    /// SNI must be a DNS name; NIOSSL rejects IP literals there (the certificate is then checked against the IP).
    private var serverNameIndication: String? {
        (try? SocketAddress(ipAddress: settings.host, port: 0)) == nil ? settings.host : nil
    }

    private static func mapped(_ error: any Error) -> any Error {
        guard let channelError = error as? ChannelError else { return error }
        switch channelError {
        case .connectTimeout: return SMTPError.timeout
        case .ioOnClosedChannel, .alreadyClosed, .eof, .outputClosed: return SMTPError.connectionClosed
        default: return error
        }
    }

    /// Rejects what could inject SMTP commands or headers; full RFC 5322 validation is the caller's business.
    private static func isValidAddress(_ address: String) -> Bool {
        address.contains("@") && !address.unicodeScalars.contains { " <>,\"\r\n\t".unicodeScalars.contains($0) || $0.value < 0x20 }
    }

    static func base64(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }
}
