import Fluent
import SQLKit

/// The documents library: one row per version of a form, the file itself in `stored_files`.
struct CreateLibrary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(LibraryDocument.schema)
            .id()
            .field("family_id", .uuid, .required)
            .field("title", .string, .required)
            .field("category", .string, .required)
            .field("version", .string, .required)
            .field("issued_on", .string, .required)
            .field("file_id", .uuid, .required)
            .field("filename", .string, .required)
            .field("size", .int, .required)
            .field("status", .string, .required)
            .field("downloads", .int, .required)
            .field("uploaded_by", .string, .required)
            .field("uploaded_at", .datetime, .required)
            .field("retired_by", .string)
            .field("retired_at", .datetime)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX library_documents_listing ON library_documents (status, category, title)").run()
            try await sql.raw("CREATE INDEX library_documents_family ON library_documents (family_id, uploaded_at)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(LibraryDocument.schema).delete()
    }
}
