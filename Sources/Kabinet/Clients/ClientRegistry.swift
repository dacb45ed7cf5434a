import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Adds clients to an agent's base, edits and deletes them, each change in one transaction with its audit entry.
/// The same person is one record whichever agent adds them: a confirmed phone is the person; without one, the
/// name, the birth date and the document (when both sides have one) are.
struct ClientRegistry {
    let database: any Database
    let audit: Audit
    let actor: Actor

    enum Added: Equatable {
        case created(UUID)
        /// The person was in other bases already; now in the actor's too.
        case joined(UUID)
        /// The person was in the actor's base already: nothing changed.
        case alreadyInBase(UUID)
    }

    /// Saves a new client. `code`: the checked SMS code when the phone is given; it is used up in the same
    /// transaction, so either both happen or neither.
    func add(_ details: ClientDetails, code: ClientPhoneCode?) async throws -> Result<Added, ClientRefusal> {
        try await database.transaction { db in
            let phone = code == nil ? nil : details.phone
            let existing: ClientRecord?
            switch try await Self.samePerson(as: details, phone: phone, on: db) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let found): existing = found
            }
            if let existing {
                let id = try existing.requireID()
                let member = try await ClientMembership.query(on: db).filter(\.$client.$id == id)
                    .filter(\.$agentID == actor.userID).first()
                if member != nil { return .success(.alreadyInBase(id)) }
            }
            // The code is used up only now, when the save cannot be refused any more.
            if let code, !(try await ClientPhoneConfirmation.use(code, on: db)) {
                return .failure(ClientRefusal(FieldProblem(field: "code", key: "clients.code.none")))
            }
            if let existing {
                let id = try existing.requireID()
                if existing.boundAgentID == nil {
                    // Fill what the record lacks; what another agent entered stays as it is.
                    if existing.phone == nil, let phone { existing.phone = phone.nationalDigits; existing.phoneConfirmedAt = Date() }
                    if existing.documentKey.isEmpty, let document = details.document {
                        existing.documentKind = document.kind.rawValue
                        existing.documentNumber = document.number
                        existing.documentKey = document.key
                        existing.documentIssueDate = document.issueDate?.iso
                    }
                    try await existing.save(on: db)
                }
                try await membership(id, comment: details.comment).create(on: db)
                try await audit.on(db).record("client.joined", entity: "client", id: id.uuidString,
                                              summary: "\(existing.fullName): добавлен в базу \(actor.login)", after: existing.snapshot)
                return .success(.joined(id))
            }
            let client = ClientRecord()
            client.apply(details, confirmedPhone: phone, keepPhone: false, now: Date())
            try await client.create(on: db)
            let id = try client.requireID()
            try await membership(id, comment: details.comment).create(on: db)
            try await audit.on(db).record("client.created", entity: "client", id: id.uuidString,
                                          summary: "\(client.fullName): добавлен в базу \(actor.login)", after: client.snapshot)
            return .success(.created(id))
        }
    }

    /// «Сохранить данные» on the profile. `code` confirms a new phone; `keepPhone` keeps the confirmed one.
    func update(_ visible: VisibleClient, with details: ClientDetails, code: ClientPhoneCode?, keepPhone: Bool)
        async throws -> Result<Void, ClientRefusal>
    {
        let client = visible.client
        let before = client.snapshot
        return try await database.transaction { db in
            let phone = code == nil ? nil : details.phone
            if let phone, let other = try await ClientRecord.query(on: db).filter(\.$phone == phone.nationalDigits).first(),
               other.id != client.id {
                return .failure(ClientRefusal(FieldProblem(field: "phone", key: "clients.error.phone_taken")))
            }
            if let code, !(try await ClientPhoneConfirmation.use(code, on: db)) {
                return .failure(ClientRefusal(FieldProblem(field: "code", key: "clients.code.none")))
            }
            client.apply(details, confirmedPhone: phone, keepPhone: keepPhone, now: Date())
            try await client.save(on: db)
            if let member = visible.membership {
                member.comment = details.comment
                try await member.save(on: db)
            }
            try await audit.on(db).record("client.updated", entity: "client", id: client.id?.uuidString,
                                          summary: "\(client.fullName): профиль изменён", before: before, after: client.snapshot)
            return .success(())
        }
    }

    /// «Удалить» after «Вы уверены?»: takes the clients out of the actor's base, all or none. Only potential
    /// clients (no policy sold in the portal); a record no base holds any more is deleted with its links.
    func delete(_ clients: [VisibleClient]) async throws {
        try await database.transaction { db in
            for visible in clients {
                try await visible.membership?.delete(on: db)
                let left = try await ClientMembership.query(on: db).filter(\.$client.$id == visible.id).count()
                if left == 0 { try await visible.client.delete(on: db) }
                try await audit.on(db).record("client.deleted", entity: "client", id: visible.id.uuidString,
                                              summary: "\(visible.client.fullName): удалён из базы \(actor.login)",
                                              before: visible.client.snapshot)
            }
        }
    }

    private func membership(_ clientID: UUID, comment: String) -> ClientMembership {
        ClientMembership(clientID: clientID, agentID: actor.userID, agencyID: actor.subject.agencyID, comment: comment)
    }

    /// The record of the same person, if any. A confirmed phone already confirmed for someone with another name and
    /// birth date is refused rather than merged: one phone, one person.
    static func samePerson(as details: ClientDetails, phone: RussianPhoneNumber?, on db: any Database) async throws
        -> Result<ClientRecord?, ClientRefusal>
    {
        if let phone, let owner = try await ClientRecord.query(on: db).filter(\.$phone == phone.nationalDigits).first() {
            let same = owner.searchName == details.searchName && owner.birthDate == details.birthDate.iso
            return same ? .success(owner) : .failure(ClientRefusal(FieldProblem(field: "phone", key: "clients.error.phone_taken")))
        }
        let namesakes = try await ClientRecord.query(on: db).filter(\.$searchName == details.searchName)
            .filter(\.$birthDate == details.birthDate.iso).all()
        let key = details.document?.key ?? ""
        let match = namesakes.first { $0.documentKey == key && !key.isEmpty }
            ?? namesakes.first { ($0.documentKey.isEmpty || key.isEmpty) && (phone == nil || $0.phone == nil) }
        return .success(match)
    }
}

/// Why a save was refused: the messages next to the fields.
struct ClientRefusal: Error {
    var problems: [FieldProblem]

    init(_ problem: FieldProblem) { problems = [problem] }
}
