import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Remote signing: from «Отправить документы на e-mail» to «Подписан»")
struct SigningFlowTests {
    @Test("The whole flow: three e-mails, the phone, the SMS code, «Подписан», originals with the stamp and «Оплатить премию»")
    func happyPath() async throws {
        try await withKabinet { app in
            // given
            let journey = try await SigningJourney.start(app)
            // when the agent sends
            let sent = try await journey.send()
            #expect(sent.status == .seeOther)
            let card = try await journey.agent.get(journey.card)
            #expect(card.text.contains("Документы отправлены клиенту"))
            let first = try #require(try await app.outboxMessages(to: SigningJourney.email).first)
            #expect(first.subject.hasSuffix("- подтвердите электронный адрес"))
            #expect(first.body.contains("Подтвердить e-mail"))
            // and the client confirms the e-mail with the phone
            let confirm = try await journey.link("/sign/email/")
            let page = try await journey.client.get(confirm)
            #expect(page.text.contains("Введите номер телефона указанный в договоре"))
            let codePage = try await journey.confirmEmail()
            let samples = try #require(try await app.outboxMessages(to: SigningJourney.email).last)
            #expect(samples.body.contains("Ввести СМС-код"))
            let sampleFiles = try await Outbox.attachments(of: samples.requireID(), on: app.db)
            let number = try #require(try await journey.contract().number)
            #expect(sampleFiles.map(\.filename) == ["Полисные условия.pdf", "policy_\(number).pdf",
                                                    "information_materials_\(number).pdf", "memo_\(number).pdf"])
            #expect(sampleFiles.allSatisfy { !$0.signed })
            // and requests the code and enters it
            let sentCode = try await journey.client.post(codePage + "/send")
            #expect(sentCode.text.contains("Код отправлен на номер +7\u{00A0}(900)\u{00A0}***-**-01"))
            let sms = try #require(try await app.outboxMessages(to: "+79001000101").last)
            let stored = try #require(try await SigningCode.query(on: app.db).first())
            let plain = try await journey.code()
            #expect(stored.codeHash.count == 64 && stored.codeHash != SecretToken.hash(plain))
            let signed = try await journey.client.post(codePage, [("code", try await journey.code())])
            // then
            #expect(signed.status == .ok)
            #expect(signed.text.contains("Оригиналы документов отправлены на почту yug@mail.ru"))
            #expect(sms.body.contains(number))
            let contract = try await journey.contract()
            #expect(contract.contractStatus == .signed)
            let originals = try #require(try await app.outboxMessages(to: SigningJourney.email).last)
            #expect(originals.subject.hasSuffix("- страховой полис"))
            #expect(originals.body.contains("Оплатить премию: http"))
            #expect(originals.body.contains("/pay/"))
            let files = try await Outbox.attachments(of: originals.requireID(), on: app.db)
            #expect(files.count == 5 && files.prefix(4).allSatisfy(\.signed) && files.last?.kind == "protocol")
            let history = try await ContractHistoryEntry.query(on: app.db).filter(\.$contract.$id == contract.requireID())
                .filter(\.$action == "sign").all()
            #expect(history.count == 1 && history.first?.actorLogin == "client")
            let bell = try await Kabinet.Notification.query(on: app.db).filter(\.$kind == "contract.signed").all()
            #expect(bell.count == 1 && bell.first?.$user.id == contract.ownerID)
            let state = try await journey.agent.get("\(journey.card)/state", accept: "application/json")
            #expect(state.text.contains("\"status\":\"signed\""))
        }
    }

    @Test("A signed policy's text has the client's name and the stamp; the protocol has each document's SHA-256")
    func documents() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            _ = try await journey.sign()
            let contractID = try await journey.contract().requireID()
            let policy = try #require(try await StoredFile.query(on: app.db).filter(\.$contractID == contractID)
                .filter(\.$kind == "policy").filter(\.$signed == true).first())
            #expect(policy.data.starts(with: Data("%PDF-".utf8)))
            #expect(policy.sha256 == FileDigest.sha256(policy.data))
            let download = try await journey.agent.get("\(journey.card)/files/\(policy.requireID())", accept: "application/pdf")
            #expect(download.status == .ok && download.headers.contentType == .pdf)
            let protocolPDF = try await journey.agent.get("\(journey.card)/signing-protocol", accept: "application/pdf")
            #expect(protocolPDF.status == .ok)
            if let text = try await pdfText(policy.data) {
                #expect(text.contains("Иванов Юрий Германович"))
                #expect(text.contains("Подписано простой электронной подписью"))
                let protocolText = try #require(try await pdfText(Data(buffer: protocolPDF.body)))
                #expect(protocolText.replacingOccurrences(of: "\n", with: "").contains(policy.sha256.prefix(20)))
                #expect(protocolText.contains("yug@mail.ru"))
            }
        }
    }

    @Test("Originals resent: «Отправить документы на e-mail» on a signed contract sends the same files again")
    func originalsResent() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            _ = try await journey.sign()
            let before = try await app.outboxMessages(to: SigningJourney.email).last
            let first = try await Outbox.attachments(of: try #require(before).requireID(), on: app.db)
            let response = try await journey.send()
            #expect(response.status == .seeOther)
            #expect(try await journey.agent.get(journey.card).text.contains("Оригиналы документов отправлены клиенту"))
            let again = try #require(try await app.outboxMessages(to: SigningJourney.email).last)
            let second = try await Outbox.attachments(of: again.requireID(), on: app.db)
            #expect(first.prefix(4).map(\.id) == second.prefix(4).map(\.id))
            #expect(again.subject.hasSuffix("- страховой полис"))
        }
    }

    @Test("A wrong e-mail corrected with «Редактировать» and sent again: the old link stops working, the new one works")
    func editAndResend() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            try await journey.send()
            let old = try await journey.link("/sign/email/")
            try await journey.send()
            let stale = try await journey.client.get(old)
            #expect(stale.status == .gone)
            #expect(stale.text.contains("Эта ссылка больше не действует"))
            #expect(try await journey.client.post(old, [("phone", SigningJourney.phone)]).status == .gone)
            _ = try await journey.confirmEmail()
        }
    }

    @Test("Two contracts of one client on one device never mix: each code page signs its own contract")
    func twoContractsOneDevice() async throws {
        try await withKabinet { app in
            let device = Browser(app)
            let first = try await SigningJourney.start(app, client: device)
            try await first.send()
            let firstPage = try await first.confirmEmail()
            let second = SigningJourney(app: app, agent: first.agent, client: device,
                                        card: try await ContractExample.issue(first.agent))
            try await second.send()
            let secondPage = try await second.confirmEmail()
            #expect(firstPage != secondPage)
            // the first contract is signed on the device
            try await device.post(firstPage + "/send")
            #expect(try await device.post(firstPage, [("code", try await first.code())]).status == .ok)
            // then the second one, on the same device, with the same cookies
            try await device.post(secondPage + "/send")
            let done = try await device.post(secondPage, [("code", try await second.code())])
            #expect(done.text.contains("Оригиналы документов отправлены на почту"))
            let numbers = (try await first.contract().number!, try await second.contract().number!)
            #expect(try await first.contract().contractStatus == .signed)
            #expect(try await second.contract().contractStatus == .signed)
            let last = try #require(try await app.outboxMessages(to: SigningJourney.email).last)
            let names = try await Outbox.attachments(of: last.requireID(), on: app.db).map(\.filename)
            #expect(names.contains("policy_\(numbers.1).pdf") && !names.contains("policy_\(numbers.0).pdf"))
            #expect(!device.cookies.keys.contains { $0.contains("sign") })
        }
    }
}
