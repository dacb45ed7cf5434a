import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Remote signing: every refusal says what happened and changes nothing")
struct SigningRefusalTests {
    @Test("A wrong phone is refused with the tries left; after five the link accepts no phone, not even the right one")
    func wrongPhone() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            try await journey.send()
            let confirm = try await journey.link("/sign/email/")
            let first = try await journey.client.post(confirm, [("phone", "+7 (900) 100-01-02")])
            #expect(first.status == .unprocessableEntity)
            #expect(first.text.contains("Номер не совпадает с указанным в договоре. Осталось попыток: 4."))
            for _ in 0..<4 { try await journey.client.post(confirm, [("phone", "+7 (900) 100-01-02")]) }
            let blocked = try await journey.client.post(confirm, [("phone", SigningJourney.phone)])
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("Слишком много неверных попыток"))
            #expect(try await app.outboxMessages(to: SigningJourney.email).count == 1)
        }
    }

    @Test("An expired link and an unknown one are explained; a used confirmation link says where the next letter went")
    func links() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            try await journey.send()
            let confirm = try await journey.link("/sign/email/")
            _ = try await journey.confirmEmail()
            let reused = try await journey.client.get(confirm)
            #expect(reused.text.contains("Адрес электронной почты уже подтверждён"))
            #expect(try await journey.client.post(confirm, [("phone", SigningJourney.phone)]).text.contains("уже подтверждён"))
            let codePage = try await journey.link("/sign/code/")
            try await ContractLink.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            let expired = try await journey.client.get(codePage)
            #expect(expired.status == .gone && expired.text.contains("Срок действия ссылки истёк"))
            #expect(try await journey.client.post(codePage + "/send").status == .gone)
            let unknown = try await journey.client.get("/sign/code/" + String(repeating: "x", count: 43))
            #expect(unknown.status == .notFound && unknown.text.contains("Ссылка не найдена"))
            #expect(try await app.outboxMessages(to: "+79001000101").isEmpty)
        }
    }

    @Test("Five wrong codes kill the code, even the right one after them; a new code works")
    func wrongCodes() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            try await journey.send()
            let page = try await journey.confirmEmail()
            try await journey.client.post(page + "/send")
            let right = try await journey.code()
            let wrong = right == "000000" ? "111111" : "000000"
            let first = try await journey.client.post(page, [("code", wrong)])
            #expect(first.status == .unprocessableEntity && first.text.contains("Неверный код. Осталось попыток: 4."))
            for _ in 0..<4 { try await journey.client.post(page, [("code", wrong)]) }
            let dead = try await journey.client.post(page, [("code", right)])
            #expect(dead.text.contains("Код введён неверно 5 раз"))
            #expect(try await journey.contract().contractStatus == .draft)
            try await SigningCode.query(on: app.db).set(\.$sentAt, to: Date().addingTimeInterval(-61)).update()
            try await journey.client.post(page + "/send")
            #expect(try await journey.client.post(page, [("code", try await journey.code())]).text.contains("Оригиналы документов"))
        }
    }

    @Test("A code after five minutes is expired; a malformed one is not counted")
    func expiredCode() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            try await journey.send()
            let page = try await journey.confirmEmail()
            let none = try await journey.client.post(page, [("code", "123456")])
            #expect(none.text.contains("Сначала запросите код в СМС"))
            try await journey.client.post(page + "/send")
            let malformed = try await journey.client.post(page, [("code", "12ab")])
            #expect(malformed.text.contains("Введите 6 цифр кода из СМС"))
            #expect(try await SigningCode.query(on: app.db).first()?.wrongAttempts == 0)
            try await SigningCode.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-1)).update()
            let expired = try await journey.client.post(page, [("code", try await journey.code())])
            #expect(expired.text.contains("Срок действия кода истёк"))
            #expect(try await journey.contract().contractStatus == .draft)
        }
    }

    @Test("A second code within a minute is refused with the wait; the sixth code of the day is refused")
    func resendLimits() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            try await journey.send()
            let page = try await journey.confirmEmail()
            try await journey.client.post(page + "/send")
            let early = try await journey.client.post(page + "/send")
            #expect(early.status == .tooManyRequests && early.text.contains("Новый код можно запросить через"))
            for _ in 0..<4 {
                try await SigningCode.query(on: app.db).set(\.$sentAt, to: Date().addingTimeInterval(-61)).update()
                #expect(try await journey.client.post(page + "/send").status == .ok)
            }
            try await SigningCode.query(on: app.db).set(\.$sentAt, to: Date().addingTimeInterval(-61)).update()
            let capped = try await journey.client.post(page + "/send")
            #expect(capped.status == .tooManyRequests && capped.text.contains("максимальное число кодов"))
            #expect(try await app.outboxMessages(to: "+79001000101").count == 5)
        }
    }

    @Test("Nothing is sent without a valid e-mail; a cancelled contract is not sent; another agency's user gets 404")
    func agentSide() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            let stranger = Browser(app)
            try await stranger.login("agent3")
            #expect(try await stranger.post("\(journey.card)/send-documents").status == .notFound)
            #expect(try await stranger.get("\(journey.card)/state", accept: "application/json").status == .notFound)
            #expect(try await stranger.get("\(journey.card)/signing-protocol").status == .notFound)
            try await app.setState(journey.card, ContractState(status: .cancelled))
            try await journey.send()
            #expect(try await journey.agent.get(journey.card).text.contains("Документы по договору в этом статусе не отправляются"))
            #expect(try await app.outboxMessages(to: SigningJourney.email).isEmpty)
            #expect(try await Signing.query(on: app.db).count() == 0)
        }
    }

    @Test("Scans: only on a signed contract, only PDF or images, and only by who may edit it")
    func scans() async throws {
        try await withKabinet { app in
            let journey = try await SigningJourney.start(app)
            let draft = try await upload(journey.agent, "\(journey.card)/scans", filename: "scan.pdf")
            #expect(draft.status == .seeOther)
            #expect(try await journey.agent.get(journey.card).text.contains("Сканы загружаются только для подписанного договора"))
            _ = try await journey.sign()
            try await upload(journey.agent, "\(journey.card)/scans", filename: "virus.exe")
            #expect(try await journey.agent.get(journey.card).text.contains("Загрузите файл PDF, JPG или PNG"))
            try await upload(journey.agent, "\(journey.card)/scans", filename: "Заявление.pdf")
            let card = try await journey.agent.get(journey.card)
            #expect(card.text.contains("Скан загружен") && card.text.contains("Заявление.pdf"))
            let stranger = Browser(app)
            try await stranger.login("agent3")
            #expect(try await upload(stranger, "\(journey.card)/scans", filename: "x.pdf").status == .notFound)
            #expect(try await StoredFile.query(on: app.db).filter(\.$kind == "scan").count() == 1)
        }
    }

    @discardableResult
    func upload(_ browser: Browser, _ path: String, filename: String) async throws -> TestingHTTPResponse {
        if browser.csrf == nil { try await browser.get("/login") }
        let boundary = "kabinet-test-boundary"
        var body = ""
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n"
        body += "Content-Type: application/octet-stream\r\n\r\n%PDF-1.4 scan\r\n--\(boundary)--\r\n"
        return try await browser.send(.POST, path, contentType: "multipart/form-data; boundary=\(boundary)", body: body)
    }
}
