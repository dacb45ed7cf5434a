import Fluent
import Foundation

/// A file kept in the database: a generated contract document, a scan the agent uploaded, an e-mail attachment.
/// In the database (not on disk) so every instance of the portal sees the same files and a backup has them all.
final class StoredFile: Model, @unchecked Sendable {
    static let schema = "stored_files"

    @ID var id: UUID?
    @OptionalField(key: "contract_id") var contractID: UUID?
    /// What it is: "policy", "memo", "information_materials", "conditions", "protocol", "scan".
    @Field(key: "kind") var kind: String
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    /// SHA-256 of the bytes, hex: the evidence names each signed document by it.
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    /// A signed original (true) or a sample for review (false).
    @Field(key: "signed") var signed: Bool
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "created_by") var createdBy: String

    init() {}

    init(contractID: UUID?, kind: String, filename: String, contentType: String, data: Data, signed: Bool,
         createdBy: String, now: Date = Date()) {
        self.contractID = contractID
        self.kind = kind
        self.filename = filename
        self.contentType = contentType
        self.sha256 = FileDigest.sha256(data)
        self.size = data.count
        self.data = data
        self.signed = signed
        self.createdAt = now
        self.createdBy = createdBy
    }
}

/// Which stored files an outbox e-mail carries, in order.
final class OutboxAttachment: Model, @unchecked Sendable {
    static let schema = "outbox_attachments"

    @ID var id: UUID?
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "file_id") var fileID: UUID
    @Field(key: "position") var position: Int

    init() {}

    init(messageID: UUID, fileID: UUID, position: Int) {
        self.messageID = messageID
        self.fileID = fileID
        self.position = position
    }
}
