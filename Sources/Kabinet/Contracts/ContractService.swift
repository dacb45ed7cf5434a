import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Why a contract form was not saved.
enum ContractSaveFailure: Error {
    /// Field problems, each shown next to its input (422). Nothing was stored.
    case invalid([FieldError])
    /// «Не удалось сгенерировать номер свободного БСО»: the agent's message says which agreement and product.
    case noNumber(FieldError)
}

/// Contracts for the web pages: finding one the user may see, checking the form against the rules and the quote,
/// and saving (see `ContractService+Save`).
struct ContractService {
    let request: Request

    var db: any Database { request.db }

    /// The office's today (Moscow), the day the rules count ages and document dates from.
    func today() -> CalendarDate {
        MoscowTime.today()
    }

    /// A contract the actor may perform `action` on; 404 when it is missing or not theirs to see, so ids cannot
    /// be probed; 403 when their role lacks the grant.
    func find(_ id: UUID?, actor: Actor, for action: SectionAction = .view) async throws -> Contract {
        guard let id, let contract = try await Contract.find(id, on: db) else { throw AppError.notFound }
        try Authorizer.require(actor, .view, in: .contracts, on: contract.ownership)
        try Authorizer.require(actor, action, in: .contracts, on: contract.ownership)
        return contract
    }

    /// The contract already issued from a quote, if any: one quote gives one contract, so a second «Сохранить»
    /// (a double click, the browser's back button) opens the first instead of taking another number.
    func issued(fromQuote id: UUID) async throws -> Contract? {
        try await Contract.query(on: db).filter(\.$quoteID == id).first()
    }

    /// Every problem of the form: unreadable text, the domain's rules, and what must match the quote (the first
    /// insured is the person priced: sex and birth date decide the premium). A value that could not be read is
    /// reported once, not again as "required".
    func check(_ form: ContractForm, quote: Quote?) -> (draft: ContractDraft, errors: [FieldError]) {
        let (draft, parseErrors) = form.draft()
        let unreadable = Set(parseErrors.map(\.field))
        var errors = parseErrors
        errors += ContractDraftValidator.validate(draft, today: today()).filter { !unreadable.contains($0.field) }
        if let quote, let first = draft.insured.first {
            let field = ContractField.insured.item(0)
            if let sex = first.sex, sex != quote.sex {
                errors.append(FieldError(field: field.child("sex").path, key: ContractFormMessage.differsFromQuote))
            }
            if let birth = first.birthDate, birth != quote.birthDate {
                errors.append(FieldError(field: field.child("birthDate").path, key: ContractFormMessage.differsFromQuote))
            }
        }
        return (draft, errors)
    }
}

/// Message keys of the contract pages that the domain does not emit. They start with "contract." so they are
/// rendered like the domain's (`ContractMessages.fill`).
enum ContractFormMessage {
    static let differsFromQuote = "contract.form.differs_from_quote"
    static let startPassed = "contract.form.start_passed"
    static let noAgreement = "contract.form.no_agreement"
    static let clientBound = "contract.form.client_bound"
    static let notEditable = "contract.form.not_editable"
    static let changedMeanwhile = "contract.form.changed_meanwhile"
}
