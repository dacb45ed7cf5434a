import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Создать заявление»: first the contract (by number, or one of the agent's latest), then the type among those
/// offered on it, then the type's own fields. Without JavaScript each step is a link or a GET form.
struct ApplicationFormPage: Encodable {
    struct ContractSummary: Encodable {
        var id: UUID
        var number: String
        var policyholder: String
        var product: String
        var status: String
    }

    struct TypeChoice: Encodable {
        var id: UUID
        var name: String
        var selected: Bool
    }

    struct FieldView: Encodable {
        var key: String
        var label: String
        var kind: String
        var required: Bool
        var value: String
        var options: [SelectOption]
        var error: String?
    }

    var contract: ContractSummary?
    var numberQuery: String = ""
    var numberError: String?
    var recent: [ContractSummary] = []
    var types: [TypeChoice] = []
    var typeID: UUID?
    var typeName: String?
    var typeError: String?
    var fields: [FieldView] = []
    var hasFiles = false
    var hasErrors = false

    static func summary(_ contract: Contract, _ req: Request) throws -> ContractSummary {
        ContractSummary(id: try contract.requireID(), number: contract.number ?? "—", policyholder: contract.policyholderName,
                        product: contract.productName, status: req.t(contract.contractStatus.messageKey))
    }

    /// The agent's latest numbered contracts they may see, to pick from without typing a number.
    static func recentContracts(actor: Actor, _ req: Request) async throws -> [ContractSummary] {
        let query = Contract.query(on: req.db).filter(\.$number != nil)
        switch actor.subject.visibility {
        case .everything: break
        case .agency(let agency): query.filter(\.$agencyID == agency)
        case .owners(let owners): query.filter(\.$ownerID ~~ Array(owners))
        }
        return try await query.sort(\.$issuedAt, .descending).limit(20).all().map { try summary($0, req) }
    }

    /// The fields of `type` with the values posted back and a message next to each wrong one.
    static func fields(of type: ApplicationType, values: [String: String], errors: [String: String]) -> [FieldView] {
        type.fields.map { field in
            FieldView(key: field.key, label: field.label, kind: field.kind.rawValue, required: field.required,
                      value: values[field.key] ?? "",
                      options: field.options.map { SelectOption(value: $0, label: $0, selected: values[field.key] == $0) },
                      error: errors[field.key])
        }
    }
}
