import Fluent
import Foundation
import KabinetDomain

/// Seed 002: once a policy is sold to a client whose phone was confirmed, the client is bound to the selling agent
/// and other agents can no longer issue policies to them — whichever way they reach the contract form (the client
/// base, or «Продукты» directly). The lock applies to this portal only.
enum ClientLock {
    /// The name of the client bound to another agent, if the contract's policyholder is one: matched by the
    /// confirmed phone, else by name and birth date.
    static func boundElsewhere(_ draft: ContractDraft, sellerID: UUID, on db: any Database) async throws -> String? {
        guard let person = draft.policyholderPerson else { return nil }
        var candidates: [ClientRecord] = []
        if let phone = RussianPhoneNumber(person.contacts.mobile) {
            candidates += try await ClientRecord.query(on: db).filter(\.$phone == phone.nationalDigits)
                .filter(\.$phoneConfirmedAt != nil).all()
        }
        if let birth = person.birthDate {
            candidates += try await ClientRecord.query(on: db).filter(\.$searchName == SearchText.normalize(person.fullName))
                .filter(\.$birthDate == birth.iso).all()
        }
        return candidates.first { $0.boundAgentID != nil && $0.boundAgentID != sellerID }?.fullName
    }
}
