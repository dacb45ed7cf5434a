import Fluent
import Foundation
import KabinetDomain
import Vapor

/// «Протокол подписания»: the evidence of the simple electronic signature, printable — which documents (by
/// SHA-256), which e-mail was confirmed and when, which phone received the code, when it was sent and entered,
/// the wrong tries, and the address and browser of every step.
struct SigningProtocol {
    let application: Application
    let database: any Database

    func make(_ contract: Contract, now: Date = Date()) async throws -> StoredFile {
        let contractID = try contract.requireID()
        let data = try render(contract, evidence: try await evidence(contract), now: now)
        let file = StoredFile(contractID: contractID, kind: "protocol", filename: "signing_protocol_\(contract.number ?? "draft").pdf",
                              contentType: "application/pdf", data: data, signed: true, createdBy: "system", now: now)
        try await file.create(on: database)
        return file
    }

    func render(_ contract: Contract, evidence: SigningEvidence?, now: Date) throws -> Data {
        let t = { (key: String, arguments: [String]) in application.localization.text(key, locale: "ru", arguments) }
        let title = t("protocol.title", [contract.number ?? "—"])
        var pdf = PDFDocumentBuilder(fonts: try application.documentFonts(), metadata: PDFMetadata(
            title: title, author: application.settings.companyName, creationDate: now))
        pdf.heading(title)
        pdf.keyValue(t("protocol.company", []), application.settings.companyName)
        pdf.keyValue(t("protocol.policyholder", []), contract.policyholderName)
        pdf.keyValue(t("protocol.product", []), contract.productName)
        pdf.keyValue(t("protocol.status", []), contract.contractStatus.russianName)
        guard let evidence else {
            pdf.paragraph(t("protocol.none", []))
            return try pdf.build()
        }
        let signing = evidence.signing
        let time = { (date: Date?) in date.map { MoscowTime.dateTime($0) + " МСК" } ?? "—" }
        pdf.keyValue(t("protocol.evidence_id", []), (try signing.requireID()).uuidString.lowercased())
        pdf.keyValue(t("protocol.email", []), signing.email)
        pdf.keyValue(t("protocol.email_confirmed", []), time(signing.emailConfirmedAt))
        pdf.keyValue(t("protocol.phone", []), RussianPhoneNumber(signing.phone)?.formatted ?? signing.phone)
        let used = evidence.codes.last { $0.usedAt != nil }
        pdf.keyValue(t("protocol.code_sent", []), time(used?.sentAt ?? evidence.codes.last?.sentAt))
        pdf.keyValue(t("protocol.code_entered", []), time(used?.usedAt))
        pdf.keyValue(t("protocol.codes", []), t("protocol.codes_value", [
            String(evidence.codes.count), String(evidence.codes.reduce(0) { $0 + $1.wrongAttempts }),
            String(signing.phoneAttempts)]))
        pdf.keyValue(t("protocol.signed_at", []), time(signing.signedAt))
        pdf.heading(t("protocol.documents", []), level: 2)
        pdf.table(header: [t("protocol.document", []), "SHA-256"],
                  rows: evidence.documents.map { [$0.filename, $0.sha256] }, columnFractions: [0.35, 0.65])
        pdf.heading(t("protocol.steps", []), level: 2)
        pdf.table(header: [t("protocol.at", []), t("protocol.step", []), "IP", t("protocol.browser", [])],
                  rows: evidence.events.map { event in
                      [time(event.at), t("signing.step.\(event.step)", []) + (event.detail.map { " (\($0))" } ?? ""),
                       event.ip ?? "—", event.userAgent ?? "—"]
                  }, columnFractions: [0.2, 0.3, 0.15, 0.35])
        return try pdf.build()
    }

    /// The evidence rows, for the PDF and the card alike.
    func evidence(_ contract: Contract) async throws -> SigningEvidence? {
        let contractID = try contract.requireID()
        let signed = try await Signing.query(on: database).filter(\.$contract.$id == contractID)
            .filter(\.$stage == .signed).sort(\.$signedAt, .descending).first()
        let current = try await SigningService(database: database, application: application).current(contractID)
        guard let signing = signed ?? current else { return nil }
        let signingID = try signing.requireID()
        let events = try await SigningEvent.query(on: database).filter(\.$signingID == signingID).sort(\.$at).all()
        let codes = try await SigningCode.query(on: database).filter(\.$signing.$id == signingID).sort(\.$sentAt).all()
        let files = try await StoredFile.query(on: database).filter(\.$contractID == contractID).filter(\.$signed == true)
            .filter(\.$kind ~~ ContractDocuments.kinds).sort(\.$createdAt).all()
        return SigningEvidence(signing: signing, events: events, codes: codes, documents: files)
    }
}

struct SigningEvidence {
    var signing: Signing
    var events: [SigningEvent]
    var codes: [SigningCode]
    var documents: [StoredFile]
}
