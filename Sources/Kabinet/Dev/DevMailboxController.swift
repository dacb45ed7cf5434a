import Fluent
import Vapor

/// The development mailbox: every e-mail and SMS in the outbox, readable in the browser with clickable links.
/// Only registered when the development transport is on and the server is not in production mode.
struct DevMailboxController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let group = routes.grouped("dev", "mailbox")
        group.get(use: list)
        group.get(":id", use: show)
        group.get(":id", "files", ":file", use: attachment)
    }

    struct Row: Encodable {
        var id: UUID
        var channel: String
        var recipient: String
        var subject: String
        var status: String
        var createdAt: String
    }

    struct ListContent: Encodable {
        var rows: [Row]
        var recipient: String
        var paging: Paging.Links
    }

    func list(req: Request) async throws -> Response {
        let recipient = (try? req.query.get(String.self, at: "to"))?.trimmed ?? ""
        let paging = Paging(page: try? req.query.get(Int.self, at: "page"), defaultSize: 50)
        var query = OutboxMessage.query(on: req.db)
        if !recipient.isEmpty { query = query.filter(\.$recipient == recipient) }
        let total = try await query.count()
        let rows = try await query.copy().sort(\.$createdAt, .descending).range(paging.offset..<(paging.offset + paging.size)).all()
        return try await req.page("dev/mailbox", title: "mailbox.title", ListContent(
            rows: rows.map {
                Row(id: $0.id!, channel: $0.channel, recipient: $0.recipient,
                    subject: $0.channel == "sms" ? String($0.body.prefix(80)) : $0.subject,
                    status: req.t("outbox.status.\($0.status)"), createdAt: MoscowTime.dateTime($0.createdAt))
            },
            recipient: recipient, paging: paging.links(total: total, request: req)))
    }

    struct MessageContent: Encodable {
        var channel: String
        var recipient: String
        var subject: String
        var createdAt: String
        var status: String
        /// The body split into text and link pieces so links are clickable without trusting any HTML.
        var pieces: [TextPiece]
        var attachments: [Attachment]
    }

    struct Attachment: Encodable {
        var url: String
        var filename: String
        var size: String
    }

    func show(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let message = try await OutboxMessage.find(id, on: req.db) else {
            throw AppError.notFound
        }
        return try await req.page("dev/message", title: "mailbox.title", MessageContent(
            channel: message.channel, recipient: message.recipient, subject: message.subject,
            createdAt: MoscowTime.dateTime(message.createdAt), status: req.t("outbox.status.\(message.status)"),
            pieces: TextPiece.split(message.body),
            attachments: try await Outbox.attachments(of: id, on: req.db).map {
                Attachment(url: "/dev/mailbox/\(id)/files/\($0.id!)", filename: $0.filename, size: "\(max(1, $0.size / 1024)) KB")
            }))
    }

    /// One attachment of a message, as the client's mail program would open it.
    func attachment(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id", as: UUID.self), let fileID = req.parameters.get("file", as: UUID.self),
            let file = try await Outbox.attachments(of: id, on: req.db).first(where: { $0.id == fileID })
        else { throw AppError.notFound }
        return file.download()
    }
}

/// A run of plain text or a link found in it.
struct TextPiece: Encodable, Equatable {
    var text: String
    var link: Bool

    static func split(_ body: String) -> [TextPiece] {
        var pieces: [TextPiece] = []
        var buffer = ""
        for (index, line) in body.components(separatedBy: "\n").enumerated() {
            if index > 0 { buffer += "\n" }
            for (wordIndex, word) in line.components(separatedBy: " ").enumerated() {
                if wordIndex > 0 { buffer += " " }
                if word.hasPrefix("http://") || word.hasPrefix("https://") {
                    if !buffer.isEmpty { pieces.append(TextPiece(text: buffer, link: false)) }
                    buffer = ""
                    pieces.append(TextPiece(text: word, link: true))
                } else {
                    buffer += word
                }
            }
        }
        if !buffer.isEmpty { pieces.append(TextPiece(text: buffer, link: false)) }
        return pieces
    }
}
