import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Saving the contract form. Everything of one save — the БСО number, the row, the history line, the audit
/// entry — is one transaction: a save that fails leaves no contract and gives the number back.
extension ContractService {
    private struct NoFreeNumber: Error {}
    private struct AlreadyIssued: Error { let contract: Contract }

    /// The first «Сохранить»: validates, takes the next БСО number of the quote's agreement and product, stores.
    func create(from saved: SavedQuote, form: ContractForm, actor: Actor) async throws
        -> Result<Contract, ContractSaveFailure>
    {
        try Authorizer.require(actor, .create, in: .contracts)
        let quote = try saved.decodedQuote()
        let checked = check(form, quote: quote)
        var errors = checked.errors
        if quote.startDate <= today() {
            errors.append(FieldError(field: "quote", key: ContractFormMessage.startPassed,
                                     arguments: ["date": quote.startDate.iso]))
        }
        if let client = try await ClientLock.boundElsewhere(checked.draft, sellerID: actor.userID, on: db) {
            errors.append(FieldError(field: "quote", key: ContractFormMessage.clientBound, arguments: ["name": client]))
        }
        guard let agreementID = saved.agreementID else {
            return .failure(.invalid(errors + [FieldError(field: "quote", key: ContractFormMessage.noAgreement)]))
        }
        guard errors.isEmpty else { return .failure(.invalid(errors)) }

        let channelID = try await saved.agencyID.asyncMap { try await Agency.find($0, on: db)?.$channel.id } ?? nil
        let contract = try Contract(quote: saved, priced: quote, owner: actor, channelID: channelID ?? actor.channelID,
                                    issuedAt: Date())
        try contract.apply(checked.draft, quoteInput: try saved.decodedInput())
        let audit = request.audit
        do {
            try await db.transaction { db in
                // The number first: the write lock comes before any read, so SQLite never has to upgrade a reader.
                guard let number = try await BlankNumbering.take(agreementID: agreementID, productCode: contract.productCode,
                                                                 on: db)
                else { throw NoFreeNumber() }
                if let existing = try await Contract.query(on: db).filter(\.$quoteID == contract.quoteID).first() {
                    throw AlreadyIssued(contract: existing)
                }
                contract.number = number
                try await contract.create(on: db)
                try await ContractHistoryEntry(
                    contractID: try contract.requireID(), at: contract.issuedAt, actorID: actor.userID,
                    actorLogin: actor.login, action: ContractHistoryEntry.created,
                    toStatus: ContractStatus.draft.rawValue
                ).create(on: db)
                try await audit.on(db).record(
                    "contract.created", entity: "contract", id: contract.id?.uuidString,
                    summary: "Оформлен договор № \(number) «\(contract.productName)» на \(contract.policyholderName)",
                    after: Contract.Snapshot(contract))
                try await WebhookEvents.contract(.contractCreated, contract, at: contract.issuedAt, on: db)
            }
        } catch is NoFreeNumber {
            try await BlankAlerts.refresh(agreementID: agreementID, productCode: contract.productCode,
                                          productName: contract.productName, notify: true, on: db)
            let agreement = try await AgencyAgreement.find(agreementID, on: db)?.number ?? "—"
            let stock = BlankStock(agreementNumber: agreement, productCode: contract.productName, total: 0, remaining: 0)
            return .failure(.noNumber(stock.exhaustedError))
        } catch let issued as AlreadyIssued {
            return .success(issued.contract)
        }
        try await BlankAlerts.refresh(agreementID: agreementID, productCode: contract.productCode,
                                      productName: contract.productName, notify: true, on: db)
        return .success(contract)
    }

    /// A later «Сохранить» while the contract is «Проект»: the same row, the same number, new people.
    func update(_ contract: Contract, form: ContractForm, actor: Actor) async throws
        -> Result<Contract, ContractSaveFailure>
    {
        try Authorizer.require(actor, .edit, in: .contracts, on: contract.ownership)
        guard contract.state.isEditable else {
            throw AppError.message(.conflict, key: ContractFormMessage.notEditable)
        }
        let data = try contract.decodedData()
        let quote = try await contract.quoteID.asyncMap { try await SavedQuote.find($0, on: db)?.decodedQuote() } ?? nil
        let (draft, errors) = check(form, quote: quote)
        guard errors.isEmpty else { return .failure(.invalid(errors)) }
        let before = Contract.Snapshot(contract)
        let state = contract.state
        try contract.apply(draft, quoteInput: data.quoteInput)
        let audit = request.audit
        try await db.transaction { db in
            // Claims the row while it is still the «Проект» the form was opened on: a signature that landed
            // meanwhile wins and this save is refused.
            try await Self.claim(contract, unchangedFrom: state, on: db)
            try await contract.save(on: db)
            try await ContractHistoryEntry(
                contractID: try contract.requireID(), actorID: actor.userID, actorLogin: actor.login,
                action: ContractHistoryEntry.edited
            ).create(on: db)
            try await audit.on(db).record(
                "contract.edited", entity: "contract", id: contract.id?.uuidString,
                summary: "Изменены данные договора № \(contract.number ?? "—")",
                before: before, after: Contract.Snapshot(contract))
            try await WebhookEvents.contract(.contractChanged, contract, action: ContractHistoryEntry.edited, on: db)
        }
        return .success(contract)
    }
}
