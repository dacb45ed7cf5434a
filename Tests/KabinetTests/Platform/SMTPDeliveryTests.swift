import Foundation
import Testing
import Vapor

@testable import Kabinet

/// A real SMTP server on loopback: `e2e/smtp_sink.py` (aiosmtpd), started and stopped by the test.
final class SMTPSink {
    let port: Int
    let maildir: URL
    private let process: Process

    /// Whether aiosmtpd is installed. CI installs it, so there a missing package is a failure, not a skip.
    static func available() async throws -> Bool {
        let installed = try await runProcess(["python3", "-c", "import aiosmtpd"]) == 0
        if !installed, ProcessInfo.processInfo.environment["KABINET_CI"] != nil {
            throw TestFailure("aiosmtpd is not installed; scripts/install-test-tools.sh installs it")
        }
        return installed
    }

    /// Starts the sink on a random loopback port; a port another process holds makes it exit, so try another.
    init(extra: [String] = []) throws {
        maildir = FileManager.default.temporaryDirectory.appendingPathComponent("maildir-\(UUID())")
        try FileManager.default.createDirectory(at: maildir, withIntermediateDirectories: true)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("e2e/smtp_sink.py")
        for _ in 1...3 {
            let port = Int.random(in: 20000...40000)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, "--port", String(port), "--maildir", maildir.path] + extra
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Empty data means the sink exited before it was ready.
            let line = output.fileHandleForReading.availableData
            if String(decoding: line, as: UTF8.self).contains("ready") {
                self.port = port
                self.process = process
                return
            }
            process.terminate()
        }
        throw TestFailure("SMTP sink did not start")
    }

    func messages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(at: maildir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "eml" }
            .map { try String(contentsOf: $0, encoding: .utf8) }
    }

    /// Stops the server; tests call it in a `defer` so no SMTP server outlives its test.
    func stop() {
        let pid = process.processIdentifier
        // SIGKILL: a server that still holds a client connection may take its time over SIGTERM.
        if pid > 0 { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: maildir)
    }

    deinit {
        stop()
    }
}

/// Runs a command and returns its exit status without blocking a thread (`waitUntilExit` spins on Linux).
func runProcess(_ arguments: [String]) async throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    return try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
        do { try process.run() } catch { continuation.resume(throwing: error) }
    }
}

/// Decodes the base64 text part of a received message.
func decodedText(_ eml: String) -> String {
    let normalized = eml.replacingOccurrences(of: "\r\n", with: "\n")
    guard let start = normalized.range(of: "Content-Transfer-Encoding: base64\n\n") else { return "" }
    let rest = normalized[start.upperBound...]
    let block = rest.prefix { $0 != "-" }.split(separator: "\n").joined()
    return Data(base64Encoded: String(block)).map { String(decoding: $0, as: UTF8.self) } ?? ""
}

@Suite("E-mail through a real SMTP server")
struct SMTPDeliveryTests {
    @Test("An outbox e-mail is delivered over plain SMTP with its Cyrillic subject and body intact")
    func plain() async throws {
        guard try await SMTPSink.available() else { return }
        let sink = try SMTPSink()
        defer { sink.stop() }
        let settings = try testSettings([
            "KABINET_MAIL_TRANSPORT": "smtp", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(sink.port), "SMTP_SECURITY": "none",
        ])
        try await withKabinet(settings: settings) { app in
            try await Outbox(database: app.db).email(to: "client@example.ru", subject: "Подтвердите электронный адрес", text: "Здравствуйте, Иван!")
            try await app.drainJobs()
            let sent = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(sent.status == "sent", "\(sent.lastError ?? "")")
            #expect(sent.transport == "smtp")
            let received = try sink.messages()
            #expect(received.count == 1)
            #expect(received.first?.contains("client@example.ru") == true)
            #expect(decodedText(received.first ?? "").contains("Здравствуйте, Иван!"))
        }
    }

    @Test("STARTTLS with authentication")
    func startTLS() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-cert-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        guard try await SMTPSink.available() else { return }
        let status = try await runProcess(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", directory.appendingPathComponent("key.pem").path, "-out", directory.appendingPathComponent("cert.pem").path])
        #expect(status == 0)
        let sink = try SMTPSink(extra: [
            "--starttls", directory.appendingPathComponent("cert.pem").path, directory.appendingPathComponent("key.pem").path,
            "--auth", "kabinet:s3cret",
        ])
        defer { sink.stop() }
        let settings = try testSettings([
            "KABINET_MAIL_TRANSPORT": "smtp", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": String(sink.port), "SMTP_SECURITY": "starttls",
            "SMTP_USERNAME": "kabinet", "SMTP_PASSWORD": "s3cret", "SMTP_VERIFY_CERTIFICATES": "false",
        ])
        try await withKabinet(settings: settings) { app in
            try await Outbox(database: app.db).email(to: "a@example.ru", subject: "TLS", text: "Защищённое письмо")
            try await app.drainJobs()
            let sent = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(sent.status == "sent", "\(sent.lastError ?? "")")
            #expect(try sink.messages().count == 1)
        }
    }
}
