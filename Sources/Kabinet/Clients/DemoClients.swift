import Fluent
import Foundation
import KabinetDomain

/// The demo agents' client bases on a fresh install, made of the people of their generated contracts: the
/// policyholders of recent sales, with the phone confirmed (so they are bound to the seller and «Действующий»),
/// and of drafts and cancelled contracts, without one (still «Потенциальный»). Each goes through the «Добавить
/// клиента» form's validation and is linked to its contracts the way a profile visit links them.
enum DemoClients {
    static let soldPerAgent = 3
    static let potentialPerAgent = 2

    static func load(on db: any Database) async throws {
        let today = MoscowTime.today()
        let agents = try await User.query(on: db).filter(\.$roleCode == BuiltInRole.agent.rawValue).sort(\.$login).all()
        let sold = [ContractStatus.signed, .accepted].map(\.rawValue)
        let unsold = [ContractStatus.draft, .cancelled].map(\.rawValue)
        for agent in agents {
            let agentID = try agent.requireID()
            let recent = { (statuses: [String], count: Int) in
                try await Contract.query(on: db).filter(\.$ownerID == agentID).filter(\.$status ~~ statuses)
                    .sort(\.$issuedAt, .descending).limit(count).all()
            }
            let people = try await recent(sold, soldPerAgent).map { ($0, true) }
                + recent(unsold, potentialPerAgent).map { ($0, false) }
            for (contract, confirmed) in people {
                guard let person = try contract.decodedData().draft.insured.first,
                      case .success(let details) = ClientValidator.validate(input(person, withPhone: confirmed), today: today)
                else { continue }
                if let phone = details.phone,
                   try await ClientRecord.query(on: db).filter(\.$phone == phone.nationalDigits).first() != nil {
                    continue
                }
                let client = ClientRecord()
                client.apply(details, confirmedPhone: details.phone, keepPhone: false, now: Date())
                try await client.create(on: db)
                try await ClientMembership(clientID: client.requireID(), agentID: agentID, agencyID: agent.$agency.id,
                                           comment: "").create(on: db)
                try await ClientContracts(database: db).refresh(client)
            }
        }
    }

    /// The form as the agent would fill it from the contract's person.
    static func input(_ person: ContractPerson, withPhone: Bool) -> ClientInput {
        let passport = person.documents.passport
        return ClientInput(
            lastName: person.lastName, firstName: person.firstName, middleName: person.middleName ?? "",
            birthDate: person.birthDate?.iso ?? "", email: person.contacts.email,
            documentKind: passport == nil ? "" : ClientDocumentKind.russianPassport.rawValue,
            documentNumber: passport.map { $0.series + $0.number } ?? "",
            documentIssueDate: passport?.issueDate?.iso ?? "", withPhone: withPhone, phone: person.contacts.mobile)
    }
}
