import Fluent
import FluentSQL
import Foundation
import KabinetDomain
import Vapor

/// «Фамилия / Имя / Отчество» and «Телефон» of the list, and the clients the actor may list.
///
/// The name is searched in the stored `SearchText` form, word by word, anywhere in the name: «иван», «ИВАНОВ»,
/// «сергеевич иван» and «Семёнов» (ё = е) all find «Иванов Иван Сергеевич» / «Семенов». The phone is searched by
/// its digits in any format: «+7 (910) 937», «8910937», «937-03-41».
struct ClientListFilter: Content {
    var name: String?
    var phone: String?
    var page: Int?

    /// The words of the name query, normalised; empty when nothing was typed.
    var nameWords: [String] {
        SearchText.normalize(name ?? "").split(separator: " ").map(String.init)
    }

    /// The national digits typed (a leading +7, 7 or 8 of a full number dropped); nil without digits.
    var phoneDigits: String? {
        let typed = (phone ?? "").trimmingCharacters(in: .whitespaces)
        var digits = typed.filter { $0.isASCII && $0.isNumber }
        if typed.hasPrefix("+7") || (digits.count == 11 && (digits.hasPrefix("7") || digits.hasPrefix("8"))) {
            digits.removeFirst()
        }
        return digits.isEmpty ? nil : digits
    }

    var isEmpty: Bool { nameWords.isEmpty && phoneDigits == nil }
}

enum ClientListQuery {
    /// The clients the actor may see, filtered. Visibility is the same rule as `ClientAccess.load`: a client is
    /// listed when one of its memberships is the actor's (agent), their agency's (partner), or any (back office).
    static func query(_ filter: ClientListFilter, actor: Actor, on db: any Database) -> QueryBuilder<ClientRecord> {
        let query = ClientRecord.query(on: db)
        switch actor.subject.visibility {
        case .everything: break
        case .agency(let agency):
            query.filter(.sql(embed: "EXISTS (SELECT 1 FROM client_members m WHERE m.client_id = clients.id AND m.agency_id = \(bind: agency))"))
        case .owners(let owners):
            query.filter(.sql(embed: "EXISTS (SELECT 1 FROM client_members m WHERE m.client_id = clients.id AND m.agent_id IN (\(binds: Array(owners))))"))
        }
        for word in filter.nameWords { query.filter(\.$searchName ~~ word) }
        if let digits = filter.phoneDigits { query.filter(\.$phone ~~ digits) }
        return query
    }

    /// Of `clientIDs`, those with a policy sold in the portal (a linked signed or accepted contract): not potential.
    static func sold(_ clientIDs: [UUID], on db: any Database) async throws -> Set<UUID> {
        guard !clientIDs.isEmpty else { return [] }
        let links = try await ClientContractLink.query(on: db).filter(\.$clientID ~~ clientIDs).all()
        guard !links.isEmpty else { return [] }
        let statuses = [ContractStatus.signed.rawValue, ContractStatus.accepted.rawValue]
        let signed = Set(try await Contract.query(on: db).filter(\.$id ~~ links.map(\.contractID))
            .filter(\.$status ~~ statuses).all().compactMap(\.id))
        return Set(links.filter { signed.contains($0.contractID) }.map(\.clientID))
    }
}
