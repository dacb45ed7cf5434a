import Fluent
import Foundation

/// A unit of the organisation tree that can be renamed and described in the audit trail.
/// One protocol lets a single `rename` serve channels, agencies and offices alike.
protocol OrganisationUnit: Model, Sendable where IDValue == UUID {
    /// The audit trail's entity type: `sales_channel`, `agency`, `office`.
    static var auditEntity: String { get }
    var name: String { get set }
    /// What the audit trail keeps of the unit before and after a change.
    var snapshot: any Encodable & Sendable { get }
}

struct ChannelSnapshot: Encodable {
    var code: String
    var name: String
}

struct AgencySnapshot: Encodable {
    var channelID: UUID
    var name: String
    var inn: String?
    var isActive: Bool
}

struct AgreementSnapshot: Encodable {
    var agencyID: UUID
    var number: String
    var startsOn: String
    var endsOn: String?
}

struct OfficeSnapshot: Encodable {
    var agencyID: UUID
    var name: String
}

extension SalesChannel: OrganisationUnit {
    static let auditEntity = "sales_channel"
    var snapshot: any Encodable & Sendable { ChannelSnapshot(code: code, name: name) }
}

extension Agency: OrganisationUnit {
    static let auditEntity = "agency"
    var snapshot: any Encodable & Sendable { AgencySnapshot(channelID: $channel.id, name: name, inn: inn, isActive: isActive) }
}

extension Office: OrganisationUnit {
    static let auditEntity = "office"
    var snapshot: any Encodable & Sendable { OfficeSnapshot(agencyID: $agency.id, name: name) }
}

extension AgencyAgreement {
    static let auditEntity = "agency_agreement"
    var snapshot: AgreementSnapshot {
        AgreementSnapshot(agencyID: $agency.id, number: number, startsOn: Self.day(startsOn), endsOn: endsOn.map(Self.day))
    }

    /// Days in the audit trail as `yyyy-MM-dd`, the same text the form took.
    private static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = MoscowTime.zone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
