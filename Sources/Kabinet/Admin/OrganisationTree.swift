import Fluent
import Foundation
import SQLKit
import Vapor

/// The organisation page's tree: company → sales channels → agencies (with agreements) → offices with user counts.
/// Loaded with one query per level and one grouped count, never a query per node.
struct OrganisationTree: Encodable {
    struct OfficeNode: Encodable {
        var id: UUID
        var name: String
        var users: Int
        var renameError: String?
    }

    struct AgreementRow: Encodable {
        var number: String
        var startsOn: String
        var endsOn: String?
        var isCurrent: Bool
    }

    struct AgencyNode: Encodable {
        var id: UUID
        var name: String
        var inn: String?
        var isActive: Bool
        var agreements: [AgreementRow]
        var offices: [OfficeNode]
        var usersWithoutOffice: Int
        var renameError: String?
    }

    struct ChannelNode: Encodable {
        var id: UUID
        var code: String
        var name: String
        var agencies: [AgencyNode]
        var renameError: String?
    }

    var company: String
    var channels: [ChannelNode]

    /// A rename that failed: the unit's id and the message to show next to its rename field.
    struct RenameError {
        var id: UUID
        var message: String
    }

    static func load(on db: any Database, companyName: String, renameError: RenameError? = nil) async throws -> OrganisationTree {
        let company = try await Company.query(on: db).first()?.name ?? companyName
        let channels = try await SalesChannel.query(on: db).sort(\.$code).all()
        let agencies = try await Agency.query(on: db).sort(\.$name).all()
        let agreements = try await AgencyAgreement.query(on: db).sort(\.$startsOn).sort(\.$number).all()
        let offices = try await Office.query(on: db).sort(\.$name).all()
        let counts = try await userCounts(on: db)
        let today = Date()
        func error(_ id: UUID?) -> String? { id != nil && id == renameError?.id ? renameError?.message : nil }

        let agreementsByAgency = Dictionary(grouping: agreements, by: { $0.$agency.id })
        let officesByAgency = Dictionary(grouping: offices, by: { $0.$agency.id })
        let agenciesByChannel = Dictionary(grouping: agencies, by: { $0.$channel.id })
        return OrganisationTree(company: company, channels: try channels.map { channel in
            let channelID = try channel.requireID()
            return ChannelNode(id: channelID, code: channel.code, name: channel.name, agencies: try (agenciesByChannel[channelID] ?? []).map { agency in
                let agencyID = try agency.requireID()
                return AgencyNode(
                    id: agencyID, name: agency.name, inn: agency.inn, isActive: agency.isActive,
                    agreements: (agreementsByAgency[agencyID] ?? []).map { agreement in
                        AgreementRow(number: agreement.number, startsOn: MoscowTime.date(agreement.startsOn),
                            endsOn: agreement.endsOn.map { MoscowTime.date($0) },
                            isCurrent: agreement.startsOn <= today && (agreement.endsOn.map { $0.addingTimeInterval(86_400) > today } ?? true))
                    },
                    offices: try (officesByAgency[agencyID] ?? []).map { office in
                        let officeID = try office.requireID()
                        return OfficeNode(id: officeID, name: office.name, users: counts.byOffice[officeID] ?? 0, renameError: error(officeID))
                    },
                    usersWithoutOffice: counts.withoutOffice[agencyID] ?? 0, renameError: error(agencyID))
            }, renameError: error(channelID))
        })
    }

    /// Users per office, and users of an agency not placed in any office, in one grouped query.
    private static func userCounts(on db: any Database) async throws -> (byOffice: [UUID: Int], withoutOffice: [UUID: Int]) {
        guard let sql = db as? any SQLDatabase else { return ([:], [:]) }
        struct Row: Decodable {
            var agency_id: UUID?
            var office_id: UUID?
            var users: Int
        }
        let rows = try await sql.select()
            .column("agency_id").column("office_id").column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("users")))
            .from(User.schema)
            .where("agency_id", .isNot, SQLLiteral.null)
            .groupBy("agency_id").groupBy("office_id")
            .all(decoding: Row.self)
        var byOffice: [UUID: Int] = [:]
        var withoutOffice: [UUID: Int] = [:]
        for row in rows {
            if let office = row.office_id { byOffice[office, default: 0] += row.users }
            else if let agency = row.agency_id { withoutOffice[agency, default: 0] += row.users }
        }
        return (byOffice, withoutOffice)
    }
}
