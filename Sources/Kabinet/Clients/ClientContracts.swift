import Fluent
import Foundation
import KabinetDomain
import SQLKit

/// The client's contracts and the binding after a sale. Contracts are not touched: their own indexed columns
/// find the candidates (`policyholder_search` for the policyholder, the base's agents' contracts naming the
/// surname for an insured), then the stored people are compared with `ClientRules.samePerson`.
struct ClientContracts: Sendable {
    let database: any Database
    /// Contracts read per look-up at most; a client with more is a data problem, not a page to render.
    static let limit = 500

    /// Links the client's contracts and binds the client to the seller of the first signed one, if the phone was
    /// confirmed. Cheap enough for every profile view and action; returns the client as saved.
    @discardableResult
    func refresh(_ client: ClientRecord, now: Date = Date()) async throws -> ClientRecord {
        let clientID = try client.requireID()
        let agents = try await ClientMembership.query(on: database).filter(\.$client.$id == clientID).all().map(\.agentID)
        var candidates = try await Contract.query(on: database).filter(\.$policyholderSearch == client.searchName)
            .limit(Self.limit).all()
        if !agents.isEmpty {
            candidates += try await Contract.query(on: database).filter(\.$ownerID ~~ agents)
                .filter(\.$data ~~ client.lastName).limit(Self.limit).all()
        }
        let linked = Set(try await ClientContractLink.query(on: database).filter(\.$clientID == clientID).all().map(\.contractID))
        var seen = linked
        for contract in candidates {
            guard let id = contract.id, !seen.contains(id), let role = role(of: client, in: contract) else { continue }
            seen.insert(id)
            try await (database as! any SQLDatabase).raw("""
                INSERT INTO client_contracts (id, client_id, contract_id, role)
                VALUES (\(bind: UUID()), \(bind: clientID), \(bind: id), \(bind: role)) ON CONFLICT DO NOTHING
                """).run()
        }
        try await bind(client, now: now)
        return client
    }

    /// "policyholder" or "insured" when the client is on the contract; nil otherwise.
    func role(of client: ClientRecord, in contract: Contract) -> String? {
        guard let draft = try? contract.decodedData().draft, let birth = client.birth else { return nil }
        func matches(_ person: ContractPerson) -> Bool {
            ClientRules.samePerson(
                clientPhone: client.phone, clientName: client.searchName, clientBirth: birth,
                personPhone: RussianPhoneNumber(person.contacts.mobile)?.nationalDigits,
                personName: SearchText.normalize(person.fullName), personBirth: person.birthDate)
        }
        if let holder = draft.policyholderPerson, matches(holder) { return "policyholder" }
        return draft.insured.contains(where: matches) ? "insured" : nil
    }

    /// The client's contracts, newest first.
    func contracts(of client: ClientRecord) async throws -> [(contract: Contract, role: String)] {
        let links = try await ClientContractLink.query(on: database).filter(\.$clientID == client.requireID()).all()
        let roles = Dictionary(links.map { ($0.contractID, $0.role) }, uniquingKeysWith: { first, _ in first })
        let contracts = try await Contract.query(on: database).filter(\.$id ~~ Array(roles.keys))
            .sort(\.$issuedAt, .descending).all()
        return contracts.map { ($0, roles[$0.id!] ?? "insured") }
    }

    /// Whether a policy was sold to the client in the portal: a linked contract signed or accepted.
    func hasSoldPolicy(_ client: ClientRecord) async throws -> Bool {
        try await soldContracts(client).first != nil
    }

    /// Signed or accepted linked contracts, the first sale first.
    private func soldContracts(_ client: ClientRecord) async throws -> [Contract] {
        let ids = try await ClientContractLink.query(on: database).filter(\.$clientID == client.requireID()).all()
            .map(\.contractID)
        guard !ids.isEmpty else { return [] }
        let sold = [ContractStatus.signed.rawValue, ContractStatus.accepted.rawValue]
        return try await Contract.query(on: database).filter(\.$id ~~ ids).filter(\.$status ~~ sold)
            .sort(\.$issuedAt).all()
    }

    /// «После продажи полиса агент привязывает клиента к себе»: the seller also gets the client into their base.
    private func bind(_ client: ClientRecord, now: Date) async throws {
        guard client.boundAgentID == nil, client.phoneConfirmedAt != nil else { return }
        let sales = try await soldContracts(client)
        guard let agent = ClientRules.boundAgent(phoneConfirmed: true, current: nil, signedSales: sales.map(\.ownerID)),
              let contract = sales.first(where: { $0.ownerID == agent })
        else { return }
        let clientID = try client.requireID()
        try await database.transaction { db in
            client.boundAgentID = agent
            client.boundContractID = contract.id
            client.boundAt = now
            try await client.save(on: db)
            let member = try await ClientMembership.query(on: db).filter(\.$client.$id == clientID)
                .filter(\.$agentID == agent).first()
            if member == nil {
                try await ClientMembership(clientID: clientID, agentID: agent, agencyID: contract.agencyID, comment: "").create(on: db)
            }
            try await Audit.system(db).record(
                "client.bound", entity: "client", id: clientID.uuidString,
                summary: "\(client.fullName): закреплён за продавцом договора \(contract.number ?? contract.id?.uuidString ?? "")",
                after: client.snapshot)
        }
    }
}
