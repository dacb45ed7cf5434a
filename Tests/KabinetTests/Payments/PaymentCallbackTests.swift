import Fluent
import Foundation
import Testing
import Vapor

@testable import Kabinet

/// `POST /payments/callback/sandbox`: repeated, forged and out-of-order notifications change nothing.
@Suite("Payment callbacks")
struct PaymentCallbackTests {
    @Test("A repeated notification is answered 200 and changes nothing the second time")
    func repeated() async throws {
        try await withKabinet { app in
            // given
            let payable = try await PaymentExample.contract(app)
            let payment = try await PaymentExample.startSBP(Browser(app), payable)
            // when
            let first = try await PaymentExample.sandboxCallback(
                app, paymentID: payment.providerPaymentID, status: .succeeded, amountMinor: payment.amountMinor)
            let second = try await PaymentExample.sandboxCallback(
                app, paymentID: payment.providerPaymentID, status: .succeeded, amountMinor: payment.amountMinor)
            // then
            #expect(first.status == .ok)
            #expect(first.text == "paid")
            #expect(second.status == .ok)
            #expect(second.text == "duplicate")
            #expect(try await app.payments(of: payable.id).count == 1)
            #expect(try await app.history(payable.id, action: "pay").count == 1)
            #expect(try await PaymentNotification.query(on: app.db).count() == 1)
        }
    }

    @Test("A notification with a bad or missing signature is refused and nothing is stored")
    func badSignature() async throws {
        try await withKabinet { app in
            // given
            let payable = try await PaymentExample.contract(app)
            let payment = try await PaymentExample.startSBP(Browser(app), payable)
            // when
            let forged = try await PaymentExample.sandboxCallback(
                app, paymentID: payment.providerPaymentID, status: .succeeded, amountMinor: payment.amountMinor,
                secret: "guessed")
            let unsigned = try await app.testing().sendRequest(
                .POST, "/payments/callback/sandbox", headers: ["Content-Type": "application/json"],
                body: ByteBuffer(string: #"{"payment_id":"x","status":"succeeded"}"#))
            // then
            #expect(forged.status == .unauthorized)
            #expect(unsigned.status == .unauthorized)
            #expect(try await PaymentNotification.query(on: app.db).count() == 0)
            #expect(try await app.reloaded(payable.contract).paymentStatus == "unpaid")
            #expect(try await app.payments(of: payable.id).first?.status == .pending)
        }
    }

    @Test("«canceled» after «succeeded» changes nothing")
    func canceledAfterSucceeded() async throws {
        try await withKabinet { app in
            let payable = try await PaymentExample.contract(app)
            let payment = try await PaymentExample.startSBP(Browser(app), payable)
            _ = try await PaymentExample.sandboxCallback(
                app, paymentID: payment.providerPaymentID, status: .succeeded, amountMinor: payment.amountMinor)
            let late = try await PaymentExample.sandboxCallback(
                app, paymentID: payment.providerPaymentID, status: .canceled, amountMinor: payment.amountMinor)
            #expect(late.status == .ok)
            #expect(late.text.hasPrefix("ignored"))
            #expect(try await app.payments(of: payable.id).first?.status == .succeeded)
            #expect(try await app.reloaded(payable.contract).paymentStatus == "paid")
        }
    }

    @Test("«succeeded» for a cancelled payment of a contract another payment already paid changes nothing")
    func succeededForCancelledOfPaidContract() async throws {
        try await withKabinet { app in
            // given: the first payment declined, the second paid
            let payable = try await PaymentExample.contract(app)
            let client = Browser(app)
            let first = try await PaymentExample.startSBP(client, payable)
            try await client.post("/sandbox/payments/\(first.providerPaymentID)/decline")
            let second = try await PaymentExample.startSBP(client, payable)
            try await client.post("/sandbox/payments/\(second.providerPaymentID)/pay")
            let paid = try await app.reloaded(payable.contract)
            // when
            let late = try await PaymentExample.sandboxCallback(
                app, paymentID: first.providerPaymentID, status: .succeeded, amountMinor: first.amountMinor)
            // then
            #expect(late.status == .ok)
            #expect(late.text.hasPrefix("ignored"))
            let after = try await app.reloaded(payable.contract)
            #expect(after.paidAt == paid.paidAt)
            #expect(try await app.history(payable.id, action: "pay").count == 1)
            #expect(try await app.payments(of: payable.id).map(\.status) == [.canceled, .succeeded])
        }
    }

    @Test("A notification for an amount other than the payment's is recorded and ignored")
    func wrongAmount() async throws {
        try await withKabinet { app in
            let payable = try await PaymentExample.contract(app)
            let payment = try await PaymentExample.startSBP(Browser(app), payable)
            let response = try await PaymentExample.sandboxCallback(
                app, paymentID: payment.providerPaymentID, status: .succeeded, amountMinor: 100)
            #expect(response.text == "ignored: amount differs from the payment")
            #expect(try await app.reloaded(payable.contract).paymentStatus == "unpaid")
        }
    }
}
