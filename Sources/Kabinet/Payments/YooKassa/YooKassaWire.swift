import Foundation
import KabinetDomain

/// The JSON shapes of YooKassa's API v3 (https://yookassa.ru/developers/api), only the fields the portal uses.
/// Amounts travel as strings with a dot ("1000.00"): never through a floating-point number.
enum YooKassaWire {
    struct Amount: Codable, Sendable, Equatable {
        var value: String
        var currency: String

        init(_ money: Money) {
            value = money.plainString
            currency = money.currency.rawValue
        }

        var money: Money? {
            guard let code = CurrencyCode(rawValue: currency) else { return nil }
            return try? Money.parse(value, currency: code).get()
        }
    }

    struct Confirmation: Codable, Sendable {
        /// "redirect" (the provider's page) or "qr" (СБП).
        var type: String
        var returnURL: String?
        var confirmationURL: String?
        /// For "qr": the СБП link the QR code carries.
        var confirmationData: String?

        enum CodingKeys: String, CodingKey {
            case type, returnURL = "return_url", confirmationURL = "confirmation_url"
            case confirmationData = "confirmation_data"
        }
    }

    struct PaymentMethodData: Codable, Sendable { var type: String }

    struct CreatePayment: Codable, Sendable {
        var amount: Amount
        var capture: Bool
        var confirmation: Confirmation
        var description: String
        var metadata: [String: String]
        var paymentMethodData: PaymentMethodData?

        enum CodingKeys: String, CodingKey {
            case amount, capture, confirmation, description, metadata, paymentMethodData = "payment_method_data"
        }
    }

    struct Payment: Codable, Sendable {
        var id: String
        /// pending, waiting_for_capture, succeeded, canceled.
        var status: String
        var amount: Amount
        var confirmation: Confirmation?
        var capturedAt: String?
        var metadata: [String: String]?

        enum CodingKeys: String, CodingKey {
            case id, status, amount, confirmation, capturedAt = "captured_at", metadata
        }
    }

    /// `{"type":"notification","event":"payment.succeeded","object":{…}}`; only `object.id` is believed.
    struct Notification: Codable, Sendable {
        struct Object: Codable, Sendable { var id: String }
        var type: String
        var event: String
        var object: Object
    }
}
