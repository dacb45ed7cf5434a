import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

/// The built-in sandbox provider: a person pays or declines on its page, and the signed notification marks the
/// contract the way a real provider's would.
@Suite("Payment sandbox")
struct PaymentSandboxTests {
    @Test("«Оплатить» on the sandbox page makes the contract «Оплачен» with «Поступивший платеж» and «Дата оплаты»")
    func pay() async throws {
        try await withKabinet { app in
            // given
            let payable = try await PaymentExample.contract(app)
            let client = Browser(app)
            let payment = try await PaymentExample.startSBP(client, payable)
            let sandboxPath = "/sandbox/payments/\(payment.providerPaymentID)"
            let sandboxPage = try await client.get(sandboxPath)
            #expect(sandboxPage.text.contains("Оплата по договору № \(payable.contract.number!)"))
            // when
            let paid = try await client.post(sandboxPath + "/pay")
            // then
            #expect(paid.status == .seeOther)
            #expect(paid.location == "http://kabinet.test" + payable.path)
            let contract = try await app.reloaded(payable.contract)
            #expect(contract.paymentStatus == "paid")
            #expect(contract.paidAmountMinor == payable.contract.premiumMinor)
            #expect(contract.paidAt != nil)
            #expect(try await app.payments(of: payable.id).first?.status == .succeeded)
            #expect(try await app.history(payable.id, action: "pay").first?.actorLogin == "payment:sandbox")
            #expect(try await app.auditEntries("payment.succeeded").count == 1)
            let notices = try await Notification.query(on: app.db).filter(\.$kind == "contract.paid").all()
            #expect(notices.map(\.$user.id) == [contract.ownerID])
            let agent = Browser(app)
            try await agent.login("agent")
            let card = try await agent.get("/contracts/\(payable.id)")
            #expect(card.text.contains("Поступивший платеж"))
            #expect(card.text.contains(payable.contract.premium!.formattedAmount))
            #expect(card.text.contains(MoscowTime.date(contract.paidAt)))
            let page = try await client.get(payable.path)
            #expect(page.text.contains("Договор оплачен"))
        }
    }

    @Test("«Отклонить платёж» leaves the contract unpaid; the client can try again with a new payment")
    func decline() async throws {
        try await withKabinet { app in
            // given
            let payable = try await PaymentExample.contract(app)
            let client = Browser(app)
            let payment = try await PaymentExample.startSBP(client, payable)
            // when
            try await client.post("/sandbox/payments/\(payment.providerPaymentID)/decline")
            let page = try await client.get(payable.path)
            let again = try await PaymentExample.startSBP(client, payable)
            // then
            #expect(try await app.reloaded(payable.contract).paymentStatus == "unpaid")
            #expect(page.text.contains("data-testid=\"pay-sbp\""))
            let payments = try await app.payments(of: payable.id)
            #expect(payments.map(\.status) == [.canceled, .pending])
            #expect(again.idempotenceKey.hasSuffix(":sbp:2"))
            #expect(try await app.history(payable.id, action: "pay").isEmpty)
        }
    }

    @Test("The sandbox's СБП link, followed, opens its payment page")
    func nspkLink() async throws {
        try await withKabinet { app in
            let payable = try await PaymentExample.contract(app)
            let payment = try await PaymentExample.startSBP(Browser(app), payable)
            let link = SandboxNSPKLink.sandboxURL(for: payment.sbpPayload!, baseURL: "")
            let followed = try await Browser(app).get(link)
            #expect(followed.status == .seeOther)
            #expect(followed.location == "/sandbox/payments/\(payment.providerPaymentID)")
        }
    }

    @Test("The NSPK link's checksum is CRC-16/CCITT-FALSE")
    func crc() {
        #expect(SandboxNSPKLink.crc16("123456789") == "29B1")
    }
}
