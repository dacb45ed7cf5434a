import Foundation
import Testing
import Vapor

@testable import Kabinet

/// The pay page behind «Оплатить премию»: what it shows in each state of the contract and the link.
@Suite("Payment page")
struct PaymentPageTests {
    @Test("A signed contract's page shows number, amount, currency and both ways to pay")
    func payable() async throws {
        try await withKabinet { app in
            // given
            let payable = try await PaymentExample.contract(app)
            // when
            let page = try await Browser(app).get(payable.path)
            // then
            #expect(page.status == .ok)
            for text in ["Оплата страховых взносов", "Номер договора страхования", payable.contract.number!, "Сумма",
                         "Валюта", "RUB", payable.contract.premium!.formattedAmount, "Оплатить СБП",
                         "Приложением любого банка", "Прочие способы оплаты", "СБП дает пользователям множество преимуществ"] {
                #expect(page.text.contains(text), "missing \(text)")
            }
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("form-action 'self' https:") == true)
        }
    }

    @Test("«Оплатить СБП» shows the QR code of the provider's СБП link; a second press reuses the payment")
    func sbpQR() async throws {
        try await withKabinet { app in
            // given
            let payable = try await PaymentExample.contract(app)
            let client = Browser(app)
            // when
            let payment = try await PaymentExample.startSBP(client, payable)
            try await PaymentExample.startSBP(client, payable)
            let page = try await client.get(payable.path + "/sbp")
            // then
            #expect(try await app.payments(of: payable.id).count == 1)
            let payload = try #require(payment.sbpPayload)
            #expect(payload.hasPrefix("https://qr.nspk.ru/AS1000"))
            #expect(payload.contains("sum=\(payable.contract.premiumMinor)&cur=RUB&crc="))
            #expect(page.text.contains("<svg"))
            #expect(page.text.contains("QR-код для оплаты через СБП"))
            #expect(page.text.contains("http://kabinet.test/sandbox/nspk/AS1000"))
            #expect(payment.idempotenceKey.hasSuffix(":sbp:1"))
        }
    }

    @Test("«Прочие способы оплаты» goes to the provider's page")
    func otherMethods() async throws {
        try await withKabinet { app in
            let payable = try await PaymentExample.contract(app)
            let response = try await Browser(app).post(payable.path + "/other")
            #expect(response.status == .seeOther)
            #expect(response.location?.hasPrefix("http://kabinet.test/sandbox/payments/sbx-") == true)
        }
    }

    @Test("An unknown or replaced link says what to do; an expired one too")
    func badLinks() async throws {
        try await withKabinet { app in
            // given
            let expired = try await PaymentExample.contract(app, linkIssuedAt: Date().addingTimeInterval(-31 * 24 * 3600))
            let client = Browser(app)
            // when
            let unknown = try await client.get("/pay/" + String(repeating: "a", count: 43))
            let short = try await client.get("/pay/abc")
            let old = try await client.get(expired.path)
            let post = try await client.post(expired.path + "/sbp")
            // then
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("попросите вашего агента отправить документы повторно"))
            #expect(short.status == .notFound)
            #expect(old.status == .gone)
            #expect(old.text.contains("Срок действия ссылки для оплаты истёк"))
            #expect(post.status == .gone)
            #expect(try await app.payments(of: expired.id).isEmpty)
        }
    }

    @Test("An unsigned contract cannot be paid: the page says so and a POST makes no payment")
    func unsigned() async throws {
        try await withKabinet { app in
            let payable = try await PaymentExample.contract(app, signed: false)
            let client = Browser(app)
            let page = try await client.get(payable.path)
            let post = try await client.post(payable.path + "/sbp")
            #expect(page.text.contains("Договор ещё не подписан"))
            #expect(!page.text.contains("data-testid=\"pay-sbp\""))
            #expect(post.status == .seeOther)
            #expect(try await app.payments(of: payable.id).isEmpty)
        }
    }

    @Test("A paid contract's page says «Договор оплачен» with the date and offers no buttons")
    func paid() async throws {
        try await withKabinet { app in
            let payable = try await PaymentExample.contract(app)
            _ = try await ContractStatusChange.system("payment:test", on: app.db)
                .apply(.pay, to: payable.contract, on: app.db).get()
            let page = try await Browser(app).get(payable.path)
            #expect(page.text.contains("Договор оплачен"))
            #expect(page.text.contains("Дата оплаты: \(MoscowTime.date(Date()))"))
            #expect(!page.text.contains("data-testid=\"pay-sbp\""))
        }
    }
}
