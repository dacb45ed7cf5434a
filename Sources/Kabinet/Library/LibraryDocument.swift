import Fluent
import Foundation

/// One version of a form or template in «Документы» (бланк заявления, анкета, памятка). Versions of the same
/// document share `family_id`; agents are offered only active versions, the back office also sees retired ones
/// in the history and can still download them (what an agent used last year stays provable).
final class LibraryDocument: Model, @unchecked Sendable {
    static let schema = "library_documents"

    @ID var id: UUID?
    @Field(key: "family_id") var familyID: UUID
    @Field(key: "title") var title: String
    /// `LibraryCategory` raw value.
    @Field(key: "category") var category: String
    /// «Версия» as the form prints it ("3.1", "2024-02").
    @Field(key: "version") var version: String
    /// «Дата» of the form (ISO day): when this edition was approved.
    @Field(key: "issued_on") var issuedOn: String
    @Field(key: "file_id") var fileID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "size") var size: Int
    /// "active" or "retired".
    @Field(key: "status") var status: String
    @Field(key: "downloads") var downloads: Int
    @Field(key: "uploaded_by") var uploadedBy: String
    @Field(key: "uploaded_at") var uploadedAt: Date
    @OptionalField(key: "retired_by") var retiredBy: String?
    @OptionalField(key: "retired_at") var retiredAt: Date?

    init() {}

    static let active = "active"
    static let retired = "retired"

    var isActive: Bool { status == Self.active }
}

/// The sections of the library: the «Документы ▾» dropdown lists them, the page shows their tiles.
enum LibraryCategory: String, CaseIterable, Codable, Sendable {
    case claims
    case changes
    case questionnaires
    case rules

    var titleKey: String { "library.category.\(rawValue)" }
    var descriptionKey: String { "library.category.\(rawValue).description" }
}
