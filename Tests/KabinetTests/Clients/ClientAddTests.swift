import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor
import VaporTesting

@testable import Kabinet

@Suite("Clients: «Добавить клиента» with and without a confirmed phone")
struct ClientAddTests {
    typealias Example = ClientExample

    @Test("Without a phone: saved, in the agent's base with the comment, audited")
    func addWithoutPhone() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let page = try await agent.get("/clients/new")
            // when
            let path = try await Example.add(agent, ["comment": "Перезвонить в пятницу"])
            let profile = try await agent.get(path)
            // then
            #expect(page.status == .ok && page.text.contains("Подтверждая телефон клиента, вы привязываете его к себе"))
            #expect(page.text.contains("Эл. почта (личная) *") && page.text.contains("Добавить клиента с телефоном"))
            #expect(profile.status == .ok && profile.text.contains("Иванов Юрий Германович"))
            #expect(profile.text.contains("Перезвонить в пятницу"))
            let client = try await app.client(path)
            #expect(client.phone == nil && client.boundAgentID == nil)
            #expect(try await app.auditEntries("client.created").count == 1)
        }
    }

    @Test("«Подтвердить» texts a six-digit code; the right code saves the client with the confirmed phone")
    func addWithConfirmedPhone() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            // when
            let sent = try await Example.confirm(agent)
            let code = try await Example.code(app)
            let beforeSave = try await app.clients().count
            let saved = try await agent.post("/clients", Example.form(["withPhone": "1", "phone": Example.phone, "code": code]))
            // then
            #expect(sent.status == .ok && sent.text.contains("Код отправлен в СМС на номер +7 (900) 100-01-01"))
            #expect(sent.text.contains("name=\"code\"") && sent.text.contains("value=\"Иванов\""))
            #expect(beforeSave == 0)
            let path = try Example.location(of: saved)
            let client = try await app.client(path)
            #expect(client.phone == "9001000101" && client.phoneConfirmedAt != nil)
            #expect(try await agent.get(path).text.contains("+7 (900) 100-01-01"))
            let stored = try await ClientPhoneCode.query(on: app.db).all()
            #expect(stored.count == 1 && stored[0].usedAt != nil && stored[0].codeHash != code)
        }
    }

    @Test("A wrong code: 422 with the attempts left, nothing saved; the right one afterwards still works")
    func wrongCode() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            try await Example.confirm(agent)
            let code = try await Example.code(app)
            let wrong = code == "000000" ? "111111" : "000000"
            // when
            let refused = try await agent.post("/clients", Example.form(["withPhone": "1", "phone": Example.phone, "code": wrong]))
            // then
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Неверный код. Осталось попыток: 4"))
            #expect(try await app.clients().isEmpty)
            let saved = try await agent.post("/clients", Example.form(["withPhone": "1", "phone": Example.phone, "code": code]))
            #expect(saved.status == .seeOther)
        }
    }

    @Test("An expired code, a code never requested, no code at all: clear messages, nothing saved")
    func expiredAndMissingCodes() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            let withoutCode = try await agent.post("/clients", Example.form(["withPhone": "1", "phone": Example.phone]))
            let neverSent = try await agent.post("/clients", Example.form(["withPhone": "1", "phone": Example.phone, "code": "123456"]))
            try await Example.confirm(agent)
            let code = try await Example.code(app)
            for stored in try await ClientPhoneCode.query(on: app.db).all() {
                stored.expiresAt = Date().addingTimeInterval(-1)
                try await stored.save(on: app.db)
            }
            // when
            let expired = try await agent.post("/clients", Example.form(["withPhone": "1", "phone": Example.phone, "code": code]))
            // then
            #expect(withoutCode.status == .unprocessableEntity && withoutCode.text.contains("Нажмите «Подтвердить» и введите код из СМС"))
            #expect(neverSent.status == .unprocessableEntity && neverSent.text.contains("Код не запрошен или уже использован"))
            #expect(expired.status == .unprocessableEntity && expired.text.contains("Срок действия кода истёк"))
            #expect(try await app.clients().isEmpty)
        }
    }

    @Test("«Подтвердить» again at once is refused by the pause between codes")
    func resendPause() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            try await Example.confirm(agent)
            // when
            let again = try await Example.confirm(agent)
            // then
            #expect(again.status == .unprocessableEntity && again.text.contains("Новый код можно запросить через"))
            let sent = try await app.outboxMessages(to: Example.sms)
            #expect(sent.count == 1)
            // the one SMS: the code first, then who asks and why, in Russian from the localisation table
            let code = try await Example.code(app)
            let agentName = try await app.user("agent").fullName
            #expect(sent.first?.body == "\(code) — код подтверждения телефона. Агент \(agentName) добавляет вас в свою базу клиентов. Никому не сообщайте код.")
        }
    }

    @Test("Bad input: 422, a message next to each field, nothing saved, no SMS for a bad phone")
    func badInput() async throws {
        try await withKabinet { app in
            // given
            let agent = try await Example.logged(app, "agent")
            // when
            let response = try await agent.post("/clients", Example.form([
                "lastName": "", "firstName": "Юр1й", "birthDate": "32.01.1986", "email": "yug@", "documentKind": "passport",
                "documentNumber": "12", "withPhone": "1", "phone": "+7 (495) 100-01-01", "code": "123456",
            ]))
            let badPhone = try await Example.confirm(agent, ["phone": "12345"])
            // then
            #expect(response.status == .unprocessableEntity)
            for field in ["lastName", "firstName", "birthDate", "email", "documentNumber", "phone"] {
                #expect(response.text.contains("data-field=\"\(field)\""), "no message for \(field)")
            }
            #expect(response.text.contains("value=\"Юр1й\""))
            #expect(badPhone.status == .unprocessableEntity && badPhone.text.contains("Номер телефона: +7 и 10 цифр"))
            #expect(try await app.clients().isEmpty)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$channel == "sms").count() == 0)
        }
    }

    @Test("Forms without the CSRF token are refused")
    func csrf() async throws {
        try await withKabinet { app in
            let agent = try await Example.logged(app, "agent")
            let response = try await agent.post("/clients", Example.form(), withCSRF: false)
            #expect(response.status == .forbidden)
            #expect(try await app.clients().isEmpty)
        }
    }
}
