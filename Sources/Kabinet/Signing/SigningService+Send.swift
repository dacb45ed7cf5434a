import Fluent
import Foundation
import KabinetDomain
import Vapor

extension SigningService {
    enum SendOutcome: Equatable {
        /// E-mail 1 («подтвердите электронный адрес») went to this address.
        case confirmationSent(String)
        /// The contract is signed: the originals went again (seed FAQ «оригиналы документов не поступили»).
        case originalsResent(String)
    }

    /// «Отправить документы на e-mail». A draft starts a new signing (the earlier one and its links stop working:
    /// the agent may have corrected the e-mail with «Редактировать»); a signed contract gets its originals again.
    func sendDocuments(_ contract: Contract, by login: String, visit: ClientVisit, audit: Audit, now: Date = Date())
        async throws -> Result<SendOutcome, SigningRefusal>
    {
        let contractID = try contract.requireID()
        let (email, phone) = try Self.contacts(of: contract)
        guard EmailAddress.isValid(email) else { return .failure(.noEmail) }
        let status = contract.contractStatus
        if status.isSigned {
            let signing = try await current(contractID)
            try await sendOriginals(contract, signing: signing, email: email, visit: visit)
            try await audit.record("contract.originals_resent", entity: "contract", id: contractID.uuidString,
                                   summary: "Договор № \(contract.number ?? "—"): оригиналы документов отправлены на \(email)")
            return .success(.originalsResent(email))
        }
        guard status == .draft else { return .failure(.closed(status)) }
        guard let phone, phone.isMobile else { return .failure(.noPhone) }
        let letter = try letters.confirmEmail()
        try await database.transaction { db in
            let service = SigningService(database: db, application: application)
            try await Signing.query(on: db).filter(\.$contract.$id == contractID).filter(\.$stage != .revoked)
                .set(\.$stage, to: .revoked).set(\.$revokedAt, to: now).update()
            try await service.links.revokeSigningLinks(contractID: contractID, now: now)
            let signing = Signing(contractID: contractID, email: email, phone: phone.nationalDigits, createdBy: login, now: now)
            try await signing.create(on: db)
            let secret = try await service.links.issue(.confirmEmail, contractID: contractID, signingID: signing.id, now: now)
            try await Outbox(database: db).email(to: email, letter(secret))
            try await service.record(.documentsSent, signing, visit, detail: "\(login) → \(email)", at: now)
            try await audit.on(db).record("contract.documents_sent", entity: "contract", id: contractID.uuidString,
                                          summary: "Договор № \(contract.number ?? "—"): документы отправлены клиенту на \(email)")
        }
        return .success(.confirmationSent(email))
    }

    /// E-mail 3: the signed originals (made once, then the same files), the protocol, and «Оплатить премию» while
    /// the premium is unpaid.
    func sendOriginals(_ contract: Contract, signing: Signing?, email: String, visit: ClientVisit) async throws {
        let contractID = try contract.requireID()
        let files = try await ContractDocuments(application: application, database: database).originals(of: contract)
        var payLink: String?
        if contract.state.payment == .unpaid {
            payLink = try await links.issue(.pay, contractID: contractID, signingID: signing?.id)
        }
        let data = try contract.decodedData()
        let letter = letters.originals(contract: contract, person: data.draft.policyholderPerson, paySecret: payLink)
        try await Outbox(database: database).email(to: email, letter, attachments: files.compactMap(\.id))
        if let signing { try await record(.originalsSent, signing, visit, detail: email) }
    }
}
