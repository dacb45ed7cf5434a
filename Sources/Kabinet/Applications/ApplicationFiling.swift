import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The filing form as posted (multipart with files, or urlencoded without): `answers[key]` for typed fields,
/// `files[key]` for attachments.
struct ApplicationFilingForm: Decodable {
    var contract: String?
    var type: String?
    var answers: [String: String]?
    var files: [String: File]?
}

/// Filing an application: the contract must be one the agent may see, the type offered to their channel on it,
/// every answer valid — or nothing is stored and each problem is reported on its field. On success the files, the
/// application, its first history line and the audit entry are written in one transaction.
struct ApplicationFiling {
    let request: Request

    /// Scans and photos of documents; larger files make the 2 MB form limit anyway.
    static let maxFileBytes = 2 * 1024 * 1024
    static let fileTypes = ["pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png"]

    func file(_ form: ApplicationFilingForm, contract: Contract, actor: Actor) async throws -> ContractApplication {
        try Authorizer.require(actor, .create, in: .applications, on: contract.ownership)
        let offered = try await ApplicationService(request: request).offeredTypes(actor: actor, contract: contract)
        guard let type = offered.first(where: { $0.id?.uuidString == form.type }) else {
            throw AppError.validation([FieldProblem(field: "type", key: "applications.error.type_unavailable")])
        }
        let uploads = (form.files ?? [:]).filter { $0.value.data.readableBytes > 0 }
        let fields = type.fields
        var problems = fileProblems(fields, uploads)
        let checked = ApplicationAnswersValidator.validate(fields, values: form.answers ?? [:], files: Set(uploads.keys))
        var errors = checked.errors
        if type.applicationEffect == .personalData {
            let known = Set(errors.map(\.field))
            errors += PersonalDataChange(answers: checked.answers).problems(schemaKeys: fields.map(\.key))
                .filter { !known.contains($0.field) }
        }
        problems += errors.filter { error in !problems.contains { $0.field == error.field } }
            .map { FieldProblem(field: $0.field, key: $0.key) }
        guard problems.isEmpty else { throw AppError.validation(problems) }
        return try await store(type: type, contract: contract, answers: checked.answers,
                               uploads: uploads.filter { key, _ in fields.contains { $0.key == key && $0.kind == .file } },
                               actor: actor)
    }

    private func fileProblems(_ fields: [ApplicationField], _ uploads: [String: File]) -> [FieldProblem] {
        fields.filter { $0.kind == .file }.compactMap { field in
            guard let file = uploads[field.key] else { return nil }
            if file.data.readableBytes > Self.maxFileBytes { return FieldProblem(field: field.key, key: "applications.field.file_too_large") }
            let ext = (file.filename as NSString).pathExtension.lowercased()
            return Self.fileTypes[ext] == nil ? FieldProblem(field: field.key, key: "applications.field.bad_file") : nil
        }
    }

    /// Numbers are the largest plus one; two agents filing at the same instant on PostgreSQL meet the unique index,
    /// and the loser retries with the next number.
    private func store(type: ApplicationType, contract: Contract, answers: [String: String], uploads: [String: File],
                       actor: Actor) async throws -> ContractApplication {
        var attempt = 0
        while true {
            do {
                return try await request.db.transaction { db in
                    let application = ContractApplication()
                    application.number = (try await ContractApplication.query(on: db).max(\.$number) ?? 0) + 1
                    application.$type.id = try type.requireID()
                    application.typeName = type.name
                    application.$contract.id = try contract.requireID()
                    application.contractNumber = contract.number ?? ""
                    application.ownerID = actor.userID
                    application.agencyID = contract.agencyID
                    application.status = ApplicationStatus.new.rawValue
                    var stored = answers
                    for (key, file) in uploads.sorted(by: { $0.key < $1.key }) {
                        let ext = (file.filename as NSString).pathExtension.lowercased()
                        let row = StoredFile(contractID: contract.id, kind: "application", filename: file.filename,
                                             contentType: Self.fileTypes[ext] ?? "application/octet-stream",
                                             data: Data(buffer: file.data), signed: false, createdBy: actor.login)
                        try await row.create(on: db)
                        stored[key] = try row.requireID().uuidString
                    }
                    application.answers = stored
                    try await application.create(on: db)
                    let id = try application.requireID()
                    try await ApplicationEvent(applicationID: id, actor: actor, action: "filed", toStatus: .new, comment: nil)
                        .create(on: db)
                    try await request.audit.on(db).record(
                        "application.filed", entity: "application", id: id.uuidString,
                        summary: "Заявление № \(application.number) «\(type.name)» по договору № \(application.contractNumber)",
                        after: ContractApplication.Snapshot(application))
                    try await WebhookEvents.application(.applicationFiled, application, action: "filed", on: db)
                    return application
                }
            } catch let error as any DatabaseError where error.isConstraintFailure && attempt < 5 {
                attempt += 1
            }
        }
    }
}
