import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

/// The YooKassa adapter against a local fake of its HTTP API: the pay page creates payments with an idempotence
/// key, follows the confirmation, queries the status, and believes a notification only after reading the
/// payment back by GET.
@Suite("Payment YooKassa", .serialized)
struct PaymentYooKassaTests {
    /// The portal configured for YooKassa at the fake's address, with `secretKey` as the shop's key.
    func withYooKassa(secretKey: String = FakeYooKassa.secretKey,
                      _ body: (Application, FakeYooKassa) async throws -> Void) async throws {
        let fake = try await FakeYooKassa.start()
        do {
            let settings = try testSettings([
                "KABINET_PAYMENT_PROVIDER": "yookassa", "YOOKASSA_SHOP_ID": FakeYooKassa.shopID,
                "YOOKASSA_SECRET_KEY": secretKey, "YOOKASSA_API_URL": fake.apiURL,
            ])
            try await withKabinet(settings: settings) { app in try await body(app, fake) }
        } catch {
            try await fake.stop()
            throw error
        }
        try await fake.stop()
    }

    func notify(_ app: Application, id: String, event: String = "payment.succeeded") async throws -> String {
        let body = #"{"type":"notification","event":"\#(event)","object":{"id":"\#(id)","status":"succeeded","paid":true}}"#
        let response = try await app.testing().sendRequest(
            .POST, "/payments/callback/yookassa", headers: ["Content-Type": "application/json"],
            body: ByteBuffer(string: body))
        return "\(response.status.code) \(response.body.string)"
    }

    @Test("«Оплатить СБП» creates one payment with an idempotence key and shows its СБП link as a QR code")
    func sbp() async throws {
        try await withYooKassa { app, fake in
            // given
            let payable = try await PaymentExample.contract(app)
            let client = Browser(app)
            // when
            let payment = try await PaymentExample.startSBP(client, payable)
            try await PaymentExample.startSBP(client, payable)
            let page = try await client.get(payable.path + "/sbp")
            // then
            #expect(fake.creates.count == 1)
            let sent = try #require(fake.creates.first)
            #expect(sent.amount == YooKassaWire.Amount(payable.contract.premium!))
            #expect(sent.capture)
            #expect(sent.confirmation.type == "qr")
            #expect(sent.paymentMethodData?.type == "sbp")
            #expect(sent.description == "Оплата по договору № \(payable.contract.number!)")
            #expect(sent.metadata["contract_id"] == payable.id.uuidString)
            #expect(fake.keys == [payment.idempotenceKey])
            #expect(payment.provider == "yookassa")
            #expect(payment.sbpPayload?.hasPrefix("https://qr.nspk.ru/BD1000") == true)
            #expect(page.text.contains("<svg"))
            #expect(page.text.contains("https://qr.nspk.ru/BD1000"))
            #expect(try await Browser(app).get("/sandbox/payments/x").status == .notFound)
        }
    }

    @Test("The same idempotence key gives the same payment; «Прочие способы оплаты» redirects to its page")
    func idempotenceAndRedirect() async throws {
        try await withYooKassa { app, fake in
            // given
            let payable = try await PaymentExample.contract(app)
            let provider = YooKassaPaymentProvider(settings: app.settings.payments.yookassa!)
            let request = ProviderPaymentRequest(
                amount: payable.contract.premium!, description: "Оплата", idempotenceKey: "k-1",
                returnURL: "http://kabinet.test/pay/x", method: .other, contractID: payable.id)
            // when
            let first = try await provider.create(request, client: app.client)
            let second = try await provider.create(request, client: app.client)
            let redirect = try await Browser(app).post(payable.path + "/other")
            // then
            #expect(first.id == second.id)
            #expect(first.confirmationURL == "https://yoomoney.test/checkout/\(first.id)")
            #expect(fake.creates.count == 2)
            #expect(redirect.status == .seeOther)
            let made = try #require(try await app.payments(of: payable.id).first)
            #expect(redirect.location == "https://yoomoney.test/checkout/\(made.providerPaymentID)")
            #expect(fake.creates.last?.confirmation.returnURL == "http://kabinet.test" + payable.path)
        }
    }

    @Test("The status query reads the payment; the client back on the page sees it paid")
    func statusQuery() async throws {
        try await withYooKassa { app, fake in
            let payable = try await PaymentExample.contract(app)
            let payment = try await PaymentExample.startSBP(Browser(app), payable)
            let provider = YooKassaPaymentProvider(settings: app.settings.payments.yookassa!)
            #expect(try await provider.status(of: payment.providerPaymentID, client: app.client).status == .pending)
            fake.settle(payment.providerPaymentID, as: "succeeded")
            let fact = try await provider.status(of: payment.providerPaymentID, client: app.client)
            #expect(fact.status == .succeeded)
            #expect(fact.amount == payable.contract.premium)
            let page = try await Browser(app).get(payable.path)
            #expect(page.text.contains("Договор оплачен"))
            let paidAt = try #require(try await app.reloaded(payable.contract).paidAt)
            #expect(abs(paidAt.timeIntervalSince(try #require(fact.paidAt))) < 0.01)  // YooKassa's captured_at
            // The notification arriving afterwards is the same event: nothing more happens.
            #expect(try await notify(app, id: payment.providerPaymentID) == "200 duplicate")
        }
    }

    @Test("A notification is believed after the GET confirms it; a forged one changes nothing")
    func notifications() async throws {
        try await withYooKassa { app, fake in
            // given
            let payable = try await PaymentExample.contract(app)
            let payment = try await PaymentExample.startSBP(Browser(app), payable)
            // when: forged «succeeded» while YooKassa says pending, and one for a payment YooKassa does not know
            let forged = try await notify(app, id: payment.providerPaymentID)
            let unknown = try await notify(app, id: "2419a771-000f-5000-9000-1edaf29243f2")
            let unpaid = try await app.reloaded(payable.contract)
            fake.settle(payment.providerPaymentID, as: "succeeded")
            let real = try await notify(app, id: payment.providerPaymentID)
            let repeated = try await notify(app, id: payment.providerPaymentID)
            let refund = try await notify(app, id: payment.providerPaymentID, event: "refund.succeeded")
            // then
            #expect(forged == "200 ignored: still pending")
            #expect(unknown.hasPrefix("401"))
            #expect(unpaid.paymentStatus == "unpaid")
            #expect(real == "200 paid")
            #expect(repeated == "200 duplicate")
            #expect(refund == "200 ignored: event not handled")
            #expect(try await app.reloaded(payable.contract).paymentStatus == "paid")
            #expect(try await app.history(payable.id, action: "pay").count == 1)
        }
    }

    @Test("Wrong shop credentials: the client reads that the payment system could not be reached")
    func wrongCredentials() async throws {
        try await withYooKassa(secretKey: "wrong") { app, fake in
            let payable = try await PaymentExample.contract(app)
            let response = try await Browser(app).post(payable.path + "/sbp")
            #expect(response.status == .serviceUnavailable)
            #expect(response.text.contains("Не удалось связаться с платёжной системой"))
            #expect(try await app.payments(of: payable.id).isEmpty)
            #expect(fake.creates.isEmpty)
        }
    }

    @Test("Settings: YooKassa needs its shop id and key; sandbox is refused in production")
    func settings() throws {
        #expect(throws: Settings.Invalid.self) { try testSettings(["KABINET_PAYMENT_PROVIDER": "yookassa"]) }
        let loaded = try testSettings(["KABINET_PAYMENT_PROVIDER": "yookassa", "YOOKASSA_SHOP_ID": "1",
                                       "YOOKASSA_SECRET_KEY": "k", "YOOKASSA_NOTIFICATION_IPS": "185.71.76.0/27"])
        #expect(loaded.payments.yookassa?.apiURL == "https://api.yookassa.ru/v3")
        #expect(IPAllowlist(loaded.payments.yookassa!.notificationAllowlist).contains("185.71.76.31"))
        #expect(!IPAllowlist(loaded.payments.yookassa!.notificationAllowlist).contains("185.71.76.32"))
        #expect(try testSettings().payments.provider == .sandbox)
    }
}
