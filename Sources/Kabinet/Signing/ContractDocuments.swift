import Fluent
import Foundation
import KabinetDomain
import NIOConcurrencyHelpers
import Vapor

/// The contract's documents as PDF: samples for review before the code, signed originals after it (made once and
/// kept, so the hashes in the evidence stay true), and the signing protocol.
struct ContractDocuments: Sendable {
    /// The documents of a contract, in the order the seed's letter attaches them.
    static let kinds = ["conditions", "policy", "information_materials", "memo"]
    let application: Application
    let database: any Database

    /// Fresh samples of the contract as it is now (it may have been edited since the last sending).
    func samples(of contract: Contract) async throws -> [StoredFile] {
        let filling = try await ContractDocumentFilling(application: application, database: database)
            .make(contract, mark: .sample(text("documents.sample_mark")))
        return try await store(contract, filling: filling, signed: false)
    }

    /// The signed originals: the ones made at signing, or made now if none were (an older signing, or a failure
    /// after the code was accepted); the signing protocol is attached last.
    func originals(of contract: Contract) async throws -> [StoredFile] {
        let contractID = try contract.requireID()
        var files = try await StoredFile.query(on: database).filter(\.$contractID == contractID)
            .filter(\.$signed == true).filter(\.$kind ~~ Self.kinds).sort(\.$createdAt).all()
        if files.isEmpty {
            let signing = try await SigningService(database: database, application: application).current(contractID)
            let signedAt = signing?.signedAt ?? Date()
            let stamp = [text("documents.stamp.title"),
                         text("documents.stamp.date", MoscowTime.dateTime(signedAt)),
                         text("documents.stamp.evidence", (signing?.id ?? contractID).uuidString.lowercased())]
            let filling = try await ContractDocumentFilling(application: application, database: database)
                .make(contract, mark: .signed(stamp), at: signedAt)
            files = try await store(contract, filling: filling, signed: true)
        }
        return files + [try await SigningProtocol(application: application, database: database).make(contract)]
    }

    /// Documents the agent may download on the card: the latest file of each kind (every scan), newest first.
    func latest(of contractID: UUID) async throws -> [StoredFile] {
        Self.latestOfEachKind(try await StoredFile.query(on: database).filter(\.$contractID == contractID)
            .sort(\.$createdAt, .descending).all())
    }

    /// What the client may open behind the code link: the signed originals once signed, before that the latest
    /// samples, in the letter's order.
    func forClient(_ contract: Contract) async throws -> [StoredFile] {
        let files = try await StoredFile.query(on: database).filter(\.$contractID == contract.requireID())
            .filter(\.$signed == contract.contractStatus.isSigned).filter(\.$kind ~~ Self.kinds)
            .sort(\.$createdAt, .descending).all()
        return Self.latestOfEachKind(files).sorted {
            (Self.kinds.firstIndex(of: $0.kind) ?? 0) < (Self.kinds.firstIndex(of: $1.kind) ?? 0)
        }
    }

    /// Newest first in, the newest of each kind out; scans are each their own.
    static func latestOfEachKind(_ newestFirst: [StoredFile]) -> [StoredFile] {
        var seen = Set<String>()
        return newestFirst.filter { file in
            seen.insert(file.kind == "scan" ? file.id?.uuidString ?? "" : file.kind).inserted
        }
    }

    private func store(_ contract: Contract, filling: DocumentFilling, signed: Bool) async throws -> [StoredFile] {
        let fonts = try application.documentFonts()
        let contractID = try contract.requireID()
        let files = try Self.kinds.map { kind in
            let template = try DocumentTemplates.template(kind, product: contract.productCode)
            let (filename, data) = try DocumentRenderer.render(template, filling, fonts: fonts)
            return StoredFile(contractID: contractID, kind: kind, filename: filename, contentType: "application/pdf",
                              data: data, signed: signed, createdBy: "system")
        }
        try await database.transaction { db in
            for file in files { try await file.create(on: db) }
        }
        return files
    }

    private func text(_ key: String, _ arguments: String...) -> String {
        application.localization.text(key, locale: "ru", arguments)
    }
}

extension Application {
    private struct FontsKey: StorageKey { typealias Value = NIOLockedValueBox<PDFFontSet?> }

    /// The fonts of the documents, read once (a TrueType file is parsed in tens of milliseconds). Paths from
    /// KABINET_PDF_FONT / KABINET_PDF_FONT_BOLD, Debian's DejaVu Sans by default.
    func documentFonts() throws -> PDFFontSet {
        let box = storage[FontsKey.self] ?? {
            let box = NIOLockedValueBox<PDFFontSet?>(nil)
            storage[FontsKey.self] = box
            return box
        }()
        return try box.withLockedValue { cached in
            if let cached { return cached }
            let environment = ProcessInfo.processInfo.environment
            let fonts = try PDFFontSet(regularPath: environment["KABINET_PDF_FONT"] ?? PDFFontSet.debianRegularPath,
                                       boldPath: environment["KABINET_PDF_FONT_BOLD"] ?? PDFFontSet.debianBoldPath)
            cached = fonts
            return fonts
        }
    }
}
