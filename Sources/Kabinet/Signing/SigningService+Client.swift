import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// The client's steps, each behind its own link.
extension SigningService {
    /// «Введите номер телефона указанный в договоре» → «Подтвердить». The right phone confirms the e-mail, uses up
    /// the link and sends e-mail 2 with the sample documents and «Ввести СМС-код»; a wrong one counts.
    func confirmEmail(_ link: ContractLink, contract: Contract, phone typed: String, visit: ClientVisit,
                      now: Date = Date()) async throws -> Result<String, SigningRefusal> {
        guard let signingID = link.signingID, let signing = try await Signing.find(signingID, on: database) else {
            return .failure(.phoneBlocked)
        }
        guard contract.contractStatus == .draft else { return .failure(.closed(contract.contractStatus)) }
        if signing.phoneAttempts >= rules.maxPhoneAttempts { return .failure(.phoneBlocked) }
        guard SigningRules.samePhone(typed, asStoredDigits: signing.phone) else {
            let attempts = try await countPhoneAttempt(signingID)
            try await record(.phoneWrong, signing, visit, at: now)
            let left = rules.maxPhoneAttempts - attempts
            return .failure(left > 0 ? .phoneWrong(attemptsLeft: left) : .phoneBlocked)
        }
        guard try await links.consume(link, now: now) else { return .failure(.phoneBlocked) }
        let samples = try await ContractDocuments(application: application, database: database).samples(of: contract)
        try await database.transaction { db in
            let service = SigningService(database: db, application: application)
            signing.stage = .emailConfirmed
            signing.emailConfirmedAt = now
            try await signing.save(on: db)
            try await service.record(.emailConfirmed, signing, visit, detail: signing.email, at: now)
            let secret = try await service.links.issue(.sign, contractID: contract.requireID(), signingID: signingID, now: now)
            let person = try contract.decodedData().draft.policyholderPerson
            try await Outbox(database: db).email(
                to: signing.email, letters.samples(contract: contract, person: person, signSecret: secret),
                attachments: samples.compactMap(\.id))
        }
        return .success(signing.email)
    }

    /// «Получить код»: a new six-digit code by SMS to the contract's phone, if the pause and the day's cap allow.
    func sendCode(_ signing: Signing, contract: Contract, visit: ClientVisit, now: Date = Date()) async throws
        -> Result<Date, SigningRefusal>
    {
        guard contract.contractStatus == .draft else {
            return .failure(contract.contractStatus.isSigned ? .alreadySigned : .closed(contract.contractStatus))
        }
        let contractID = try contract.requireID()
        let dayStart = MoscowTime.startOfDay(now)
        let today = try await SigningCode.query(on: database).filter(\.$contractID == contractID)
            .filter(\.$sentAt >= dayStart).sort(\.$sentAt, .descending).all()
        if let refusal = rules.mayResend(lastSentAt: today.first?.sentAt, sentToday: today.count, now: now) {
            return .failure(.resend(refusal))
        }
        var generator = SystemRandomNumberGenerator()
        let code = rules.newCode(using: &generator)
        let (hash, salt) = OneTimeCodes.hashed(code)
        let expires = now.addingTimeInterval(rules.codeLifetime)
        try await database.transaction { db in
            try await SigningCode(signingID: try signing.requireID(), contractID: contractID,
                                  codeHash: hash, salt: salt, phone: signing.phone,
                                  sentAt: now, expiresAt: expires).create(on: db)
            try await Outbox(database: db).sms(to: "+7" + signing.phone, text: letters.codeSMS(code: code, contract: contract))
            try await SigningService(database: db, application: application)
                .record(.codeSent, signing, visit, detail: "+7" + signing.phone, at: now)
        }
        return .success(expires)
    }

    /// The code → «Подтвердить». The right code signs the contract (status «Подписан» through the status rules),
    /// then the originals go out with «Оплатить премию». Returns the address the originals went to.
    func enterCode(_ signing: Signing, contract: Contract, code typed: String, visit: ClientVisit, now: Date = Date())
        async throws -> Result<String, SigningRefusal>
    {
        guard contract.contractStatus == .draft else {
            return .failure(contract.contractStatus.isSigned ? .alreadySigned : .closed(contract.contractStatus))
        }
        let latest = try await SigningCode.query(on: database).filter(\.$signing.$id == signing.requireID())
            .sort(\.$sentAt, .descending).first()
        let state = latest.map { SigningRules.CodeState(expiresAt: $0.expiresAt, wrongEntries: $0.wrongAttempts, used: $0.usedAt != nil) }
        let check = rules.check(typed, latest: state, now: now) { code in
            guard let latest else { return false }
            return OneTimeCodes.matches(code, hash: latest.codeHash, salt: latest.salt)
        }
        guard case .accepted = check, let latest else {
            if case .wrong = check, let latest {
                try await OneTimeCodes.countWrongEntry(in: SigningCode.schema, id: try latest.requireID(), on: database)
                try await record(.codeWrong, signing, visit, at: now)
            }
            return .failure(.code(check))
        }
        guard try await OneTimeCodes.use(in: SigningCode.schema, id: try latest.requireID(), at: now, on: database) else { return .failure(.code(.noCode)) }
        let change = ContractStatusChange.system("client", on: database)
        if case .failure = try await change.apply(.sign, to: contract, on: database, now: now) {
            return .failure(contract.contractStatus.isSigned ? .alreadySigned : .closed(contract.contractStatus))
        }
        signing.stage = .signed
        signing.signedAt = now
        try await signing.save(on: database)
        try await record(.signed, signing, visit, detail: "+7" + latest.phone, at: now)
        try await ContractEventNotifications.signed(contract, on: database)
        try await sendOriginals(contract, signing: signing, email: signing.email, visit: visit)
        return .success(signing.email)
    }

    /// Counts a wrong phone in one statement, so parallel tries cannot exceed the limit; returns the new count.
    private func countPhoneAttempt(_ signingID: UUID) async throws -> Int {
        let sql = database as! any SQLDatabase
        let row = try await sql.raw("""
            UPDATE signings SET phone_attempts = phone_attempts + 1 WHERE id = \(bind: signingID) RETURNING phone_attempts
            """).first()
        return try row?.decode(column: "phone_attempts", as: Int.self) ?? rules.maxPhoneAttempts
    }
}
