import Fluent
import Foundation
import KabinetDomain

/// An application («заявление») an agent filed on one of their contracts, worked by the back office.
/// Called `ContractApplication` because `Application` is Vapor's. Visibility follows the filer and their agency,
/// exactly like contracts, so a team lead sees their group's applications and nobody else's.
final class ContractApplication: Model, @unchecked Sendable {
    static let schema = "applications"

    @ID var id: UUID?
    /// «№ заявления»: a short number people can say on the phone, unique.
    @Field(key: "number") var number: Int
    @Parent(key: "type_id") var type: ApplicationType
    /// The type's name when filed, so renaming a type does not rename old applications.
    @Field(key: "type_name") var typeName: String
    @Parent(key: "contract_id") var contract: Contract
    /// «Номер договора» copied for the queue's filter, which must not join every contract.
    @Field(key: "contract_number") var contractNumber: String
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "agency_id") var agencyID: UUID?
    /// `ApplicationStatus` raw value.
    @Field(key: "status") var status: String
    /// The operator working it («Исполнитель»).
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    /// The answers by field key as JSON; a file field holds the `StoredFile` id.
    @Field(key: "answers") var storedAnswers: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @OptionalField(key: "resolved_at") var resolvedAt: Date?

    init() {}

    var ownership: RecordOwnership { RecordOwnership(ownerID: ownerID, agencyID: agencyID) }

    var applicationStatus: ApplicationStatus { ApplicationStatus(rawValue: status) ?? .new }

    var answers: [String: String] {
        get { (try? JSONDecoder().decode([String: String].self, from: Data(storedAnswers.utf8))) ?? [:] }
        set { storedAnswers = ApplicationType.json(newValue) }
    }

    /// What the audit trail keeps: identifiers and status, not the personal data in the answers.
    struct Snapshot: Encodable, Sendable {
        var number: Int
        var type: String
        var contract: String
        var status: String
        var assignee: UUID?

        init(_ application: ContractApplication) {
            number = application.number
            type = application.typeName
            contract = application.contractNumber
            status = application.status
            assignee = application.assigneeID
        }
    }
}

/// One line of an application's history: who moved it where, with the comment the agent reads.
final class ApplicationEvent: Model, @unchecked Sendable {
    static let schema = "application_events"

    @ID var id: UUID?
    @Parent(key: "application_id") var application: ContractApplication
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_name") var actorName: String
    /// "filed", "assigned" or an `ApplicationAction` raw value.
    @Field(key: "action") var action: String
    @OptionalField(key: "to_status") var toStatus: String?
    @OptionalField(key: "comment") var comment: String?

    init() {}

    init(applicationID: UUID, actor: Actor, action: String, toStatus: ApplicationStatus?, comment: String?) {
        self.$application.id = applicationID
        self.at = Date()
        self.actorID = actor.userID
        self.actorName = actor.fullName
        self.action = action
        self.toStatus = toStatus?.rawValue
        self.comment = comment
    }
}
