import Fluent
import Foundation
import KabinetDomain
import SQLKit

/// «Подтвердить»: an SMS code to the client's phone, then the code the agent types in from the client's words.
/// The limits (six digits, five minutes, five wrong entries, the pause between codes, the day's cap) are the
/// signing's `SigningRules`, so the client's phone is protected the same way in both places.
struct ClientPhoneConfirmation: Sendable {
    let database: any Database
    let localization: Localization
    var rules = SigningRules()

    enum Refusal: Error, Equatable {
        case resend(SigningRules.SendRefusal)
        case code(SigningRules.CodeCheck)
    }

    /// Sends a new code for `phone` on behalf of `agentID`, if the pause and the day's cap allow.
    /// The cap counts every agent's codes to this phone, so the client is never flooded.
    func send(to phone: RussianPhoneNumber, agentID: UUID, agentName: String, now: Date = Date()) async throws
        -> Result<Date, Refusal>
    {
        let today = try await ClientPhoneCode.query(on: database).filter(\.$phone == phone.nationalDigits)
            .filter(\.$sentAt >= MoscowTime.startOfDay(now)).sort(\.$sentAt, .descending).all()
        if let refusal = rules.mayResend(lastSentAt: today.first?.sentAt, sentToday: today.count, now: now) {
            return .failure(.resend(refusal))
        }
        var generator = SystemRandomNumberGenerator()
        let code = rules.newCode(using: &generator)
        let (hash, salt) = OneTimeCodes.hashed(code)
        let expires = now.addingTimeInterval(rules.codeLifetime)
        try await database.transaction { db in
            try await ClientPhoneCode(agentID: agentID, phone: phone.nationalDigits,
                                      codeHash: hash, salt: salt, sentAt: now,
                                      expiresAt: expires).create(on: db)
            try await Outbox(database: db).sms(to: phone.e164, text: text(code: code, agentName: agentName))
        }
        return .success(expires)
    }

    /// The SMS: the code first, so a phone's preview shows it, then who asks and why. In Russian, as every word
    /// the company sends a client (the clients' language, whatever the agent's screen shows).
    func text(code: String, agentName: String) -> String {
        localization.text("clients.sms.code", locale: Localization.fallback, [code, agentName])
    }

    /// Checks the typed code against the newest code this agent asked for this phone. A wrong code is counted at
    /// once (in its own statement); a right one is used up on `db`, the caller's transaction that saves the client,
    /// so a client is never saved without a used code and a code is never used without the client.
    func check(_ typed: String, phone: RussianPhoneNumber, agentID: UUID, now: Date = Date()) async throws
        -> Result<ClientPhoneCode, Refusal>
    {
        let latest = try await ClientPhoneCode.query(on: database).filter(\.$agentID == agentID)
            .filter(\.$phone == phone.nationalDigits).sort(\.$sentAt, .descending).first()
        let state = latest.map {
            SigningRules.CodeState(expiresAt: $0.expiresAt, wrongEntries: $0.wrongAttempts, used: $0.usedAt != nil)
        }
        let result = rules.check(typed, latest: state, now: now) { code in
            guard let latest else { return false }
            return OneTimeCodes.matches(code, hash: latest.codeHash, salt: latest.salt)
        }
        guard case .accepted = result, let latest else {
            if case .wrong = result, let id = latest?.id {
                try await OneTimeCodes.countWrongEntry(in: ClientPhoneCode.schema, id: id, on: database)
            }
            return .failure(.code(result))
        }
        return .success(latest)
    }

    /// Marks the code used; false when a parallel request used it first.
    static func use(_ code: ClientPhoneCode, on db: any Database, now: Date = Date()) async throws -> Bool {
        try await OneTimeCodes.use(in: ClientPhoneCode.schema, id: code.requireID(), at: now, on: db)
    }
}

extension ClientPhoneConfirmation.Refusal {
    /// The message next to the phone or the code field: what happened and what to do.
    var problem: FieldProblem {
        switch self {
        case .resend(.tooEarly(let seconds)): FieldProblem(field: "phone", key: "clients.code.too_early", arguments: [String(seconds)])
        case .resend(.dailyCapReached): FieldProblem(field: "phone", key: "clients.code.daily_cap")
        case .code(.wrong(let left)) where left > 0: FieldProblem(field: "code", key: "clients.code.wrong", arguments: [String(left)])
        case .code(.wrong), .code(.exhausted): FieldProblem(field: "code", key: "clients.code.exhausted")
        case .code(.expired): FieldProblem(field: "code", key: "clients.code.expired")
        case .code(.malformed): FieldProblem(field: "code", key: "clients.code.malformed")
        case .code(.noCode), .code(.accepted): FieldProblem(field: "code", key: "clients.code.none")
        }
    }
}
