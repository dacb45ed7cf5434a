import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The act as a printable PDF, made with the domain's PDF writer and kept as a `StoredFile` until the act changes
/// (a decision or a regeneration drops it), so repeated downloads do not lay out the same document again.
struct CommissionActPDF {
    let application: Application
    let database: any Database

    func file(for view: CommissionActView, now: Date = Date()) async throws -> StoredFile {
        if let id = view.act.pdfFileID, let stored = try await StoredFile.find(id, on: database) { return stored }
        let file = StoredFile(contractID: nil, kind: "commission_act", filename: view.filename("pdf"),
                              contentType: "application/pdf", data: try render(view, now: now), signed: false,
                              createdBy: "system", now: now)
        try await file.create(on: database)
        view.act.pdfFileID = file.id
        try await view.act.save(on: database)
        return file
    }

    func render(_ view: CommissionActView, now: Date) throws -> Data {
        let t = { (key: String, arguments: [String]) in application.localization.text(key, locale: "ru", arguments) }
        let money = { (value: Money) in value.formatted(.russian) }
        let month = CommissionActView.monthTitle(view.act.actMonth) { t($0, []) }
        let title = t("commission.act.pdf_title", [view.act.agreementNumber, month.lowercased()])
        var pdf = PDFDocumentBuilder(fonts: try application.documentFonts(), metadata: PDFMetadata(
            title: title, author: application.settings.companyName, creationDate: now))
        pdf.heading(title)
        pdf.keyValue(t("commission.act.company", []), application.settings.companyName)
        pdf.keyValue(t("commission.act.agency", []), view.agencyName)
        pdf.keyValue(t("commission.act.agreement", []), view.act.agreementNumber)
        pdf.keyValue(t("commission.act.month", []), month)
        pdf.keyValue(t("commission.act.status", []), t("commission.status.\(view.act.status)", []))
        pdf.keyValue(t("commission.act.generated", []), MoscowTime.dateTime(view.act.generatedAt) + " МСК")
        if view.lines.isEmpty {
            pdf.paragraph(t("commission.act.empty", []))
        } else {
            pdf.table(header: CommissionActColumns.headers { t($0, []) },
                      rows: view.lines.map { CommissionActColumns.texts($0, money: money) },
                      columnFractions: CommissionActColumns.fractions, size: 8)
        }
        pdf.heading(t("commission.act.totals", []), level: 2)
        let totals = view.totals.totals
        pdf.keyValue(t("commission.act.count", []), String(view.totals.count))
        pdf.keyValue(t("commission.act.paid_total", []), CommissionActView.amounts(totals.map(\.paid), format: money))
        pdf.keyValue(t("commission.act.commission_total", []), CommissionActView.amounts(totals.map(\.commission), format: money))
        pdf.space(24)
        pdf.paragraph(t("commission.act.signatures", []))
        return try pdf.build()
    }
}

/// The columns of an act's table, shared by the card, the PDF and the XLSX.
enum CommissionActColumns {
    static let keys = ["number", "policyholder", "product", "paid", "paid_on", "percent", "commission"]
    static let fractions = [0.15, 0.21, 0.13, 0.15, 0.12, 0.09, 0.15]

    static func headers(_ text: (String) -> String) -> [String] {
        keys.map { text("commission.column.\($0)") }
    }

    static func texts(_ line: CommissionActLine, money: (Money) -> String) -> [String] {
        [line.contractNumber, line.policyholder, line.productName, money(line.paid), line.paidDay?.russian ?? line.paidOn,
         line.percentRussian, money(line.commission)]
    }
}
