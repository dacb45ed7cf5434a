import Fluent
import Foundation
import KabinetDomain
import SQLKit
import Vapor

/// Why a signing step did not happen; each has a message that says what happened and what to do.
enum SigningRefusal: Error, Equatable {
    case noEmail
    case noPhone
    case closed(ContractStatus)
    case phoneWrong(attemptsLeft: Int)
    case phoneBlocked
    case code(SigningRules.CodeCheck)
    case resend(SigningRules.SendRefusal)
    case alreadySigned

    /// Localisation key and arguments.
    var message: (key: String, arguments: [String]) {
        switch self {
        case .noEmail: ("signing.refused.no_email", [])
        case .noPhone: ("signing.refused.no_phone", [])
        case .closed(let status): ("signing.refused.closed", [status.russianName])
        case .phoneWrong(let left): ("signing.phone.wrong", [String(left)])
        case .phoneBlocked: ("signing.phone.blocked", [])
        case .code(.wrong(let left)): left > 0 ? ("signing.code.wrong", [String(left)]) : ("signing.code.exhausted", [])
        case .code(.expired): ("signing.code.expired", [])
        case .code(.exhausted): ("signing.code.exhausted", [])
        case .code(.malformed): ("signing.code.malformed", [])
        case .code(.noCode), .code(.accepted): ("signing.code.no_code", [])
        case .resend(.tooEarly(let seconds)): ("signing.code.too_early", [String(seconds)])
        case .resend(.dailyCapReached): ("signing.code.daily_cap", [])
        case .alreadySigned: ("signing.already_signed", [])
        }
    }
}

/// The simple electronic signature (ПЭП) of a contract, step by step as seed 000 shows it: the agent sends,
/// the client confirms the e-mail with the phone from the contract, reads the samples, enters the SMS code,
/// and receives the originals with «Оплатить премию». Every step is an event with the client's address.
struct SigningService: Sendable {
    let database: any Database
    let application: Application
    var rules = SigningRules()

    init(database: any Database, application: Application) {
        self.database = database
        self.application = application
    }

    var links: ContractLinks { ContractLinks(database: database) }
    var letters: SigningLetters { SigningLetters(settings: application.settings, localization: application.localization) }

    /// The latest sending of the contract that was not replaced.
    func current(_ contractID: UUID) async throws -> Signing? {
        try await Signing.query(on: database).filter(\.$contract.$id == contractID).filter(\.$stage != .revoked)
            .sort(\.$createdAt, .descending).first()
    }

    func record(_ step: SigningStep, _ signing: Signing, _ visit: ClientVisit, detail: String? = nil, at: Date = Date(),
                on db: (any Database)? = nil) async throws {
        try await SigningEvent(signingID: try signing.requireID(), contractID: signing.$contract.id, at: at, step: step,
                               ip: visit.ip, userAgent: visit.userAgent, detail: detail).create(on: db ?? database)
    }

    /// Where the client's e-mail and phone are: the policyholder's contacts.
    static func contacts(of contract: Contract) throws -> (email: String, phone: RussianPhoneNumber?) {
        let person = try contract.decodedData().draft.policyholderPerson
        let email = person?.contacts.email.trimmingCharacters(in: .whitespaces) ?? ""
        return (email, person.flatMap { RussianPhoneNumber($0.contacts.mobile) })
    }
}
