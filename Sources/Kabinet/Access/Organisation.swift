import Fluent
import Foundation

/// The company that runs the portal: the root of the organisation tree.
final class Company: Model, @unchecked Sendable {
    static let schema = "companies"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
    init(id: UUID? = nil, name: String) {
        self.id = id
        self.name = name
    }
}

/// A sales channel of the company (DSF, ЦУП, ЦКП…); partners sell through one channel.
final class SalesChannel: Model, @unchecked Sendable {
    static let schema = "sales_channels"
    @ID var id: UUID?
    @Parent(key: "company_id") var company: Company
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    init() {}
    init(id: UUID? = nil, companyID: UUID, code: String, name: String) {
        self.id = id
        self.$company.id = companyID
        self.code = code
        self.name = name
    }
}

/// A partner company or agency selling through a channel.
final class Agency: Model, @unchecked Sendable {
    static let schema = "agencies"
    @ID var id: UUID?
    @Parent(key: "channel_id") var channel: SalesChannel
    @Field(key: "name") var name: String
    @OptionalField(key: "inn") var inn: String?
    @Field(key: "is_active") var isActive: Bool

    init() {}
    init(id: UUID? = nil, channelID: UUID, name: String, inn: String? = nil) {
        self.id = id
        self.$channel.id = channelID
        self.name = name
        self.inn = inn
        self.isActive = true
    }
}

/// An agency agreement (агентский договор, «Номер АД»): what an agent sells under.
final class AgencyAgreement: Model, @unchecked Sendable {
    static let schema = "agency_agreements"
    @ID var id: UUID?
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "number") var number: String
    @Field(key: "starts_on") var startsOn: Date
    @OptionalField(key: "ends_on") var endsOn: Date?

    init() {}
    init(id: UUID? = nil, agencyID: UUID, number: String, startsOn: Date, endsOn: Date? = nil) {
        self.id = id
        self.$agency.id = agencyID
        self.number = number
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

/// An office of an agency («ГО» is the head office); users work in one office.
final class Office: Model, @unchecked Sendable {
    static let schema = "offices"
    @ID var id: UUID?
    @Parent(key: "agency_id") var agency: Agency
    @Field(key: "name") var name: String

    init() {}
    init(id: UUID? = nil, agencyID: UUID, name: String) {
        self.id = id
        self.$agency.id = agencyID
        self.name = name
    }
}
