import Foundation
import KabinetDomain

/// How a valid draft is stored: phones as «+7 (916) 123-45-67», the passport series without spaces and the
/// division code as NNN-NNN, so the same client is written one way whatever the agent typed.
extension ContractDraft {
    var normalizedForStorage: ContractDraft {
        var copy = self
        copy.insured = insured.map(\.normalizedForStorage)
        if case .person(let person) = policyholder { copy.policyholder = .person(person.normalizedForStorage) }
        return copy
    }

    /// «Иванов Юрий Германович», or "" before anyone is chosen.
    var policyholderName: String { policyholderPerson?.fullName ?? "" }
}

extension ContractPerson {
    var normalizedForStorage: ContractPerson {
        var copy = self
        copy.documents.passport = documents.passport?.normalized
        let phone = { (text: String?) -> String? in
            guard let text else { return nil }
            switch RussianPhoneNumber.parse(text) {
            case .success(let number): return number.formatted
            case .failure(.empty): return nil
            case .failure: return text
            }
        }
        copy.contacts.mobile = phone(contacts.mobile) ?? ""
        copy.contacts.homePhone = phone(contacts.homePhone)
        copy.contacts.workPhone = phone(contacts.workPhone)
        copy.contacts.email = contacts.email.trimmingCharacters(in: .whitespaces)
        return copy
    }
}
