import Fluent
import Foundation
import KabinetDomain

extension Components.Schemas.ContractSummary {
    /// A line of the list; statuses by their stable raw values, the operator by id and full name.
    init(_ row: ContractListRow, ownerName: String?) throws {
        self.init(
            id: row.id.uuidString, number: row.number, policyholderName: row.policyholderName,
            productCode: row.productCode, productName: row.productName, issuedAt: row.issuedAt,
            status: try APIMirror.value(row.contractStatus ?? .draft),
            paymentStatus: try APIMirror.value(row.payment ?? .unpaid),
            _operator: .init(id: row.ownerID.uuidString, name: ownerName ?? ""),
            workRequired: row.workRequired, requiredWork: row.workRequired ? row.workText : nil)
    }
}

extension Components.Schemas.ContractCard {
    /// The card's facts, with the names of the office, channel, agreement and operator read by id, and the status
    /// the insurer's core system shows for the pair «Статус договора» / «Статус оплаты» (none for cancelled and
    /// erroneous contracts: they are not part of the exchange).
    static func make(_ contract: Contract, on db: any Database) async throws -> Self {
        let state = contract.state
        let office = try await contract.officeID.asyncMap { try await Office.find($0, on: db) } ?? nil
        let channel = try await contract.channelID.asyncMap { try await SalesChannel.find($0, on: db) } ?? nil
        let agreement = try await contract.agreementID.asyncMap { try await AgencyAgreement.find($0, on: db) } ?? nil
        let owner = try await User.find(contract.ownerID, on: db)
        guard let premium = contract.premium, let sumInsured = contract.sumInsured,
            let frequency = PaymentFrequency(rawValue: contract.frequency)
        else { throw AppError.message(.internalServerError, key: "error.server") }
        return Self(
            id: try contract.requireID().uuidString, number: contract.number, policyholderName: contract.policyholderName,
            productCode: contract.productCode, productName: contract.productName, productVersion: contract.productVersion,
            office: try office.map { .init(id: try $0.requireID().uuidString, name: $0.name) },
            salesChannel: try channel.map { .init(id: try $0.requireID().uuidString, name: $0.name) },
            agreementNumber: agreement?.number, issuedAt: contract.issuedAt,
            startDate: CalendarDate(contract.startDate, timeZone: TimeZone(identifier: "UTC")!).iso,
            endDate: CalendarDate(contract.endDate, timeZone: TimeZone(identifier: "UTC")!).iso,
            insuredCount: contract.insuredCount, status: try APIMirror.value(state.status),
            paymentStatus: try APIMirror.value(state.payment),
            backOfficeStatus: try BackOfficeStatus(state).map { try APIMirror.value($0) },
            erroneousFrom: try state.erroneousFrom.map { try APIMirror.value($0) },
            workRequired: state.isWorkRequired, requiredWork: state.requiredWork,
            premium: try .init(premium), frequency: try APIMirror.value(frequency), sumInsured: try .init(sumInsured),
            paidAmount: try contract.paidAmount.map { try .init($0) }, paidAt: contract.paidAt,
            _operator: .init(id: contract.ownerID.uuidString, name: owner?.fullName ?? ""))
    }
}
