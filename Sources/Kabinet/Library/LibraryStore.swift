import Fluent
import Foundation
import KabinetDomain

/// Adding and retiring library documents, with their audit entries — used by the upload form and the demo data.
struct LibraryStore {
    let database: any Database
    let audit: Audit

    /// Stores the file and the document row; a new version of a family retires that family's active versions in
    /// the same transaction, so agents never see two current versions of one form.
    @discardableResult
    func add(_ upload: LibraryUpload.Checked, by login: String, now: Date = Date()) async throws -> LibraryDocument {
        let file = StoredFile(contractID: nil, kind: "library", filename: upload.filename, contentType: upload.contentType,
                              data: upload.data, signed: false, createdBy: login, now: now)
        let document = LibraryDocument()
        document.familyID = upload.family?.familyID ?? UUID()
        document.title = upload.title
        document.category = upload.category.rawValue
        document.version = upload.version
        document.issuedOn = upload.issuedOn.iso
        document.filename = upload.filename
        document.size = upload.data.count
        document.status = LibraryDocument.active
        document.downloads = 0
        document.uploadedBy = login
        document.uploadedAt = now
        try await database.transaction { db in
            try await file.create(on: db)
            document.fileID = try file.requireID()
            if upload.family != nil {
                let previous = try await LibraryDocument.query(on: db).filter(\.$familyID == document.familyID)
                    .filter(\.$status == LibraryDocument.active).all()
                for old in previous { try await retire(old, by: login, now: now, on: db, replaced: true) }
            }
            try await document.create(on: db)
            try await audit.on(db).record(
                "library.uploaded", entity: "library_document", id: document.id?.uuidString,
                summary: "Документы: загружен «\(document.title)», версия \(document.version) от \(upload.issuedOn.russian)",
                after: ["title": document.title, "category": document.category, "version": document.version,
                        "issuedOn": document.issuedOn, "file": document.filename, "sha256": file.sha256])
        }
        return document
    }

    /// «Снять с использования»: agents no longer see it; the back office still finds it in the history.
    func retire(_ document: LibraryDocument, by login: String, now: Date = Date(), on db: (any Database)? = nil,
                replaced: Bool = false) async throws {
        let db = db ?? database
        document.status = LibraryDocument.retired
        document.retiredBy = login
        document.retiredAt = now
        try await document.save(on: db)
        try await audit.on(db).record(
            "library.retired", entity: "library_document", id: document.id?.uuidString,
            summary: "Документы: «\(document.title)», версия \(document.version) снята с использования"
                + (replaced ? " (загружена новая версия)" : ""),
            before: ["status": LibraryDocument.active], after: ["status": LibraryDocument.retired])
    }
}
