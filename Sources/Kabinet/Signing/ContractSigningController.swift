import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The agent's side of the signing on the contract card: «Отправить документы на e-mail», the documents and
/// scans, the signing protocol, and the card's live status (so «Подписан» appears without reloading).
struct ContractSigningController: RouteCollection {
    /// Scans of paper documents: PDF or photos, up to 10 MB each.
    static let scanTypes: [String: String] = ["pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png"]
    static let maxScanBytes = 10 * 1024 * 1024

    func boot(routes: any RoutesBuilder) throws {
        let contract = routes.grouped("contracts", ":id")
        contract.post("send-documents", use: sendDocuments)
        contract.get("state", use: state)
        contract.get("files", ":file", use: file)
        contract.get("signing-protocol", use: signingProtocol)
        contract.on(.POST, "scans", body: .collect(maxSize: "11mb"), use: uploadScan)
    }

    func sendDocuments(req: Request) async throws -> Response {
        let actor = try req.actor
        let contract = try await ContractService(request: req).find(req.parameters.get("id", as: UUID.self), actor: actor, for: .edit)
        let service = SigningService(database: req.db, application: req.application)
        let path = "/contracts/\(try contract.requireID())"
        switch try await service.sendDocuments(contract, by: actor.login, visit: ClientVisit(req), audit: req.audit) {
        case .success(.confirmationSent): return req.redirect(to: path, flash: "signing.sent")
        case .success(.originalsResent): return req.redirect(to: path, flash: "signing.originals_resent")
        case .failure(.noEmail): return req.redirect(to: path, flash: "signing.refused.no_email")
        case .failure(.noPhone): return req.redirect(to: path, flash: "signing.refused.no_phone")
        case .failure: return req.redirect(to: path, flash: "signing.refused.not_sendable")
        }
    }

    struct LiveState: Content {
        var status: String
        var payment: String
        var stage: String?
    }

    /// What the card polls: when any of it differs from what the card shows, the card reloads itself.
    func state(req: Request) async throws -> LiveState {
        let contract = try await ContractService(request: req).find(req.parameters.get("id", as: UUID.self), actor: try req.actor)
        let signing = try await SigningService(database: req.db, application: req.application).current(try contract.requireID())
        return LiveState(status: contract.status, payment: contract.paymentStatus, stage: signing?.stage.rawValue)
    }

    func file(req: Request) async throws -> Response {
        let contract = try await ContractService(request: req).find(req.parameters.get("id", as: UUID.self), actor: try req.actor)
        guard let fileID = req.parameters.get("file", as: UUID.self), let file = try await StoredFile.find(fileID, on: req.db),
            file.contractID == contract.id
        else { throw AppError.notFound }
        return file.download()
    }

    /// The protocol as of now, printable; made on the fly, so it includes every event so far.
    func signingProtocol(req: Request) async throws -> Response {
        let contract = try await ContractService(request: req).find(req.parameters.get("id", as: UUID.self), actor: try req.actor)
        let maker = SigningProtocol(application: req.application, database: req.db)
        let data = try maker.render(contract, evidence: try await maker.evidence(contract), now: Date())
        let file = StoredFile(contractID: contract.id, kind: "protocol", filename: "signing_protocol_\(contract.number ?? "draft").pdf",
                              contentType: "application/pdf", data: data, signed: false, createdBy: try req.actor.login)
        return file.download()
    }

    struct ScanForm: Content {
        var file: File?
    }

    /// «загрузить документы с подписью клиента»: only for a signed contract, PDF or image, named after the original.
    func uploadScan(req: Request) async throws -> Response {
        let actor = try req.actor
        let contract = try await ContractService(request: req).find(req.parameters.get("id", as: UUID.self), actor: actor, for: .edit)
        let path = "/contracts/\(try contract.requireID())"
        guard contract.contractStatus.isSigned else { return req.redirect(to: path, flash: "signing.scan.not_signed") }
        guard let upload = try? req.content.decode(ScanForm.self).file, upload.data.readableBytes > 0 else {
            return req.redirect(to: path, flash: "signing.scan.missing")
        }
        let ext = upload.extension?.lowercased() ?? ""
        guard let type = Self.scanTypes[ext] else { return req.redirect(to: path, flash: "signing.scan.type") }
        guard upload.data.readableBytes <= Self.maxScanBytes else { return req.redirect(to: path, flash: "signing.scan.too_big") }
        let name = String(upload.filename.split(separator: "/").last ?? "scan").prefix(120)
        let file = StoredFile(contractID: contract.id, kind: "scan", filename: String(name), contentType: type,
                              data: Data(buffer: upload.data), signed: true, createdBy: actor.login)
        try await req.db.transaction { db in
            try await file.create(on: db)
            try await req.audit.on(db).record("contract.scan_uploaded", entity: "contract", id: contract.id?.uuidString,
                                              summary: "Договор № \(contract.number ?? "—"): загружен скан «\(file.filename)»")
        }
        return req.redirect(to: path, flash: "signing.scan.uploaded")
    }
}
