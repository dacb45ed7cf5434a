import Foundation
import Testing
import Vapor

@testable import Kabinet

/// What the signing module uses: the «Оплатить премию» link of e-mail 3 and the attempts listed on the card.
@Suite("Payment link for e-mail 3")
struct PaymentLinkTests {
    @Test("PayLink.issue gives a full address that opens the pay page, usable again after a visit")
    func issue() async throws {
        try await withKabinet { app in
            // given
            let payable = try await PaymentExample.contract(app)
            // when
            let url = try await PayLink.issue(contractID: payable.id, signingID: nil,
                                              baseURL: app.settings.baseURL, on: app.db)
            let path = String(url.dropFirst(app.settings.baseURL.count))
            let first = try await Browser(app).get(path)
            let second = try await Browser(app).get(path)
            // then
            #expect(url.hasPrefix("http://kabinet.test/pay/"))
            #expect(first.status == .ok)
            #expect(second.text.contains("Оплатить СБП"))
        }
    }

    @Test("The card's rows list each attempt, newest first, with its status")
    func rows() async throws {
        try await withKabinet { app in
            let payable = try await PaymentExample.contract(app)
            let client = Browser(app)
            let first = try await PaymentExample.startSBP(client, payable)
            try await client.post("/sandbox/payments/\(first.providerPaymentID)/decline")
            try await client.post(payable.path + "/other")
            let rows = try await ContractPaymentRow.rows(contractID: payable.id, on: app.db)
            #expect(rows.map(\.status) == ["pending", "canceled"])
            #expect(rows.map(\.method) == ["other", "sbp"])
            #expect(rows.first?.provider == "sandbox")
        }
    }
}
