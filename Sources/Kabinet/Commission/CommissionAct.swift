import Fluent
import Foundation
import KabinetDomain

/// «Акт агента»: the commission of one agency agreement for one month. The lines are stored with the act, so a
/// later change of a rate or a contract never changes an act already made; one act per agreement and month.
final class CommissionAct: Model, @unchecked Sendable {
    static let schema = "commission_acts"

    @ID var id: UUID?
    @Field(key: "agreement_id") var agreementID: UUID
    /// The agreement's agency: who may see the act.
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "agreement_number") var agreementNumber: String
    /// `ActMonth` as "2026-10".
    @Field(key: "month") var month: String
    /// `ActStatus` raw value.
    @Field(key: "status") var status: String
    @Field(key: "line_count") var lineCount: Int
    /// Paid contracts of the month without a rate: the back office sees them before approving.
    @Field(key: "unrated_count") var unratedCount: Int
    @Field(key: "generated_at") var generatedAt: Date
    @Field(key: "generated_by") var generatedBy: String
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "decided_by") var decidedBy: String?
    /// Why the back office returned it («Вернуть на доработку»).
    @OptionalField(key: "return_comment") var returnComment: String?
    /// The PDF made on the first download of this version of the act; dropped whenever the act changes.
    @OptionalField(key: "pdf_file_id") var pdfFileID: UUID?

    init() {}

    var actStatus: ActStatus { ActStatus(rawValue: status) ?? .generated }
    var actMonth: ActMonth? { ActMonth(month) }
}

/// One paid contract of an act, copied when the act was made.
final class CommissionActLine: Model, @unchecked Sendable {
    static let schema = "commission_act_lines"

    @ID var id: UUID?
    @Field(key: "act_id") var actID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "contract_id") var contractID: UUID
    @Field(key: "contract_number") var contractNumber: String
    @Field(key: "policyholder") var policyholder: String
    @Field(key: "product_code") var productCode: String
    @Field(key: "product_name") var productName: String
    @Field(key: "currency") var currency: String
    @Field(key: "paid_minor") var paidMinor: Int64
    /// The Moscow day of the payment, ISO.
    @Field(key: "paid_on") var paidOn: String
    @Field(key: "percent") var percent: String
    @Field(key: "commission_minor") var commissionMinor: Int64

    init() {}

    init(actID: UUID, position: Int, line: AccrualLine) {
        self.actID = actID
        self.position = position
        contractID = line.contract.contractID
        contractNumber = line.contract.number
        policyholder = line.contract.policyholder
        productCode = line.contract.productCode
        productName = line.contract.productName
        currency = line.contract.paid.currency.rawValue
        paidMinor = line.contract.paid.minorUnits
        paidOn = line.contract.paidOn.iso
        percent = CommissionRate.text(line.percent)
        commissionMinor = line.commission.minorUnits
    }

    var currencyCode: CurrencyCode { CurrencyCode(rawValue: currency) ?? .RUB }
    var paid: Money { Money(minorUnits: paidMinor, currency: currencyCode) }
    var commission: Money { Money(minorUnits: commissionMinor, currency: currencyCode) }
    var paidDay: CalendarDate? { CalendarDate(paidOn) }
    var percentRussian: String { percent.replacingOccurrences(of: ".", with: ",") + " %" }
}

extension Array where Element == CommissionActLine {
    var totals: ActTotals { ActTotals(map { (paid: $0.paid, commission: $0.commission) }) }
}
