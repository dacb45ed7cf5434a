import Fluent
import Foundation
import KabinetDomain

/// One person of the client base («База клиентов»). The same person is one record whichever agent added them
/// (matched by confirmed phone, else by name + birth date + document); each agent's base is a `ClientMembership`
/// with that agent's own comment.
final class ClientRecord: Model, @unchecked Sendable {
    static let schema = "clients"

    @ID var id: UUID?
    @Field(key: "last_name") var lastName: String
    @Field(key: "first_name") var firstName: String
    @Field(key: "middle_name") var middleName: String
    /// `SearchText.normalize(fullName)`: the search and the name half of the identity, without Cyrillic in SQL.
    @Field(key: "search_name") var searchName: String
    /// ISO "1986-01-23", so equality and sorting need no time zone.
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "email") var email: String
    @OptionalField(key: "document_kind") var documentKind: String?
    @OptionalField(key: "document_number") var documentNumber: String?
    /// `ClientDocument.key`, or "" without a document: the document half of the identity.
    @Field(key: "document_key") var documentKey: String
    @OptionalField(key: "document_issue_date") var documentIssueDate: String?
    /// The ten national digits of the mobile phone; set only once confirmed by an SMS code.
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "phone_confirmed_at") var phoneConfirmedAt: Date?
    /// The agent the client is bound to after a sale («агент привязывает клиента к себе»); nil for everyone's.
    @OptionalField(key: "bound_agent_id") var boundAgentID: UUID?
    @OptionalField(key: "bound_contract_id") var boundContractID: UUID?
    @OptionalField(key: "bound_at") var boundAt: Date?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var fullName: String { [lastName, firstName, middleName].filter { !$0.isEmpty }.joined(separator: " ") }
    var birth: CalendarDate? { CalendarDate(birthDate) }
    var phoneNumber: RussianPhoneNumber? { phone.flatMap(RussianPhoneNumber.init) }

    /// Copies the validated details; the phone only when `confirmedPhone` says the SMS code was entered.
    func apply(_ details: ClientDetails, confirmedPhone: RussianPhoneNumber?, keepPhone: Bool, now: Date) {
        lastName = details.lastName
        firstName = details.firstName
        middleName = details.middleName
        searchName = details.searchName
        birthDate = details.birthDate.iso
        email = details.email
        documentKind = details.document?.kind.rawValue
        documentNumber = details.document?.number
        documentKey = details.document?.key ?? ""
        documentIssueDate = details.document?.issueDate?.iso
        if let confirmedPhone {
            if phone != confirmedPhone.nationalDigits { phoneConfirmedAt = now }
            phone = confirmedPhone.nationalDigits
        } else if !keepPhone {
            phone = nil
            phoneConfirmedAt = nil
        }
    }

    /// What the audit trail keeps of a client.
    struct Snapshot: Encodable {
        var fullName: String
        var birthDate: String
        var email: String
        var document: String?
        var phone: String?
        var boundAgentID: UUID?
    }

    var snapshot: Snapshot {
        Snapshot(fullName: fullName, birthDate: birthDate, email: email,
                 document: documentKind.map { "\($0) \(documentNumber ?? "")" }, phone: phone, boundAgentID: boundAgentID)
    }
}

/// A client in one agent's base, with that agent's «Комментарий». The agency is copied so a partner's list
/// filters by it without a join on users.
final class ClientMembership: Model, @unchecked Sendable {
    static let schema = "client_members"

    @ID var id: UUID?
    @Parent(key: "client_id") var client: ClientRecord
    @Field(key: "agent_id") var agentID: UUID
    @OptionalField(key: "agency_id") var agencyID: UUID?
    @Field(key: "comment") var comment: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(clientID: UUID, agentID: UUID, agencyID: UUID?, comment: String) {
        self.$client.id = clientID
        self.agentID = agentID
        self.agencyID = agencyID
        self.comment = comment
    }

    var ownership: RecordOwnership { RecordOwnership(ownerID: agentID, agencyID: agencyID) }
}
