import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The back office's upload form: a new document, or a new version of one (`family`). Checked field by field;
/// nothing is stored unless everything is right.
struct LibraryUpload: Content {
    var title: String?
    var category: String?
    var version: String?
    var issuedOn: String?
    var family: String?
    var file: File?

    /// Forms are small; ten megabytes leaves room for a scanned one.
    static let maxBytes = 10 * 1024 * 1024
    static let types = [
        "pdf": "application/pdf", "doc": "application/msword", "rtf": "application/rtf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text",
    ]

    /// The refused form's problems, as the failure of a `Result`.
    struct LibraryProblems: Error {
        var problems: [FieldProblem]
    }

    /// What the form posted, checked: the document row's fields, the file's bytes and content type.
    struct Checked {
        var title: String
        var category: LibraryCategory
        var version: String
        var issuedOn: CalendarDate
        var family: LibraryDocument?
        var filename: String
        var contentType: String
        var data: Data
    }

    func check(on db: any Database) async throws -> Result<Checked, LibraryProblems> {
        var problems: [FieldProblem] = []
        let title = self.title?.trimmed ?? ""
        if title.isEmpty { problems.append(FieldProblem(field: "title", key: "library.error.required")) }
        if title.count > 200 { problems.append(FieldProblem(field: "title", key: "library.error.too_long", arguments: ["200"])) }
        let category = LibraryCategory(rawValue: self.category ?? "")
        if category == nil { problems.append(FieldProblem(field: "category", key: "library.error.category")) }
        let version = self.version?.trimmed ?? ""
        if version.isEmpty { problems.append(FieldProblem(field: "version", key: "library.error.required")) }
        if version.count > 40 { problems.append(FieldProblem(field: "version", key: "library.error.too_long", arguments: ["40"])) }
        let issued = CalendarDate(issuedOn ?? "")
        if issued == nil {
            let key = (issuedOn?.trimmed ?? "").isEmpty ? "library.error.required" : "library.error.date"
            problems.append(FieldProblem(field: "issuedOn", key: key))
        }
        var family: LibraryDocument?
        if let text = self.family?.trimmed, !text.isEmpty {
            family = try await UUID(uuidString: text).asyncMap { id in
                try await LibraryDocument.query(on: db).filter(\.$familyID == id).sort(\.$uploadedAt, .descending).first()
            } ?? nil
            if family == nil { problems.append(FieldProblem(field: "family", key: "library.error.family")) }
        }
        let ext = file?.extension?.lowercased() ?? ""
        let size = file?.data.readableBytes ?? 0
        if size == 0 {
            problems.append(FieldProblem(field: "file", key: "library.error.file"))
        } else if Self.types[ext] == nil {
            problems.append(FieldProblem(field: "file", key: "library.error.type"))
        } else if size > Self.maxBytes {
            problems.append(FieldProblem(field: "file", key: "library.error.too_big", arguments: ["10"]))
        }
        guard problems.isEmpty, let category, let issued, let file, let type = Self.types[ext] else { return .failure(LibraryProblems(problems: problems)) }
        let name = String(String(file.filename.split(separator: "/").last ?? "document").prefix(120))
        return .success(Checked(title: title, category: category, version: version, issuedOn: issued, family: family,
                                filename: name, contentType: type, data: Data(buffer: file.data)))
    }
}
