import Foundation
import KabinetDomain
import SQLKit

/// The names a report shows for the ids in a contract row (operators, offices, channels, product kinds) and the
/// words for its coded values, read once before the walk: a lookup per row in memory instead of joins per chunk.
/// They grow with the organisation (users, offices), never with the number of contracts.
struct ReportLookups: Sendable {
    var english: Bool
    var owners: [UUID: String] = [:]
    var offices: [UUID: String] = [:]
    var channels: [UUID: String] = [:]
    var kinds: [String: String] = [:]
    var statuses: [String: String] = [:]
    var payments: [String: String] = [:]
    var frequencies: [String: String] = [:]

    static func load(_ sql: any SQLDatabase, catalog: ProductCatalog, locale: String) async throws -> ReportLookups {
        let english = locale == "en"
        var lookups = ReportLookups(english: english)
        struct Named: Decodable { var id: UUID; var name: String }
        func names(_ table: String, _ column: String) async throws -> [UUID: String] {
            let rows = try await sql.select().column("id").column(SQLColumn(column), as: "name").from(table)
                .all(decoding: Named.self)
            return Dictionary(rows.map { ($0.id, $0.name) }) { first, _ in first }
        }
        lookups.owners = try await names(User.schema, "full_name")
        lookups.offices = try await names(Office.schema, "name")
        lookups.channels = try await names(SalesChannel.schema, "name")
        for product in catalog.definitions {
            lookups.kinds[product.code] = english ? product.kind.englishName : product.kind.russianName
        }
        for status in ContractStatus.allCases {
            lookups.statuses[status.rawValue] = english ? status.englishName : status.russianName
        }
        for payment in PaymentStatus.allCases {
            lookups.payments[payment.rawValue] = english ? payment.englishName : payment.russianName
        }
        for frequency in PaymentFrequency.allCases {
            lookups.frequencies[frequency.rawValue] = english ? frequency.englishName : frequency.russianName
        }
        return lookups
    }
}
