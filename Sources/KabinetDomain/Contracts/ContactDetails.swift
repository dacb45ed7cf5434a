import Foundation

/// «Контактная информация». Phones are kept as typed; `RussianPhoneNumber` normalises them for storage.
public struct ContactDetails: Sendable, Hashable, Codable {
    /// «Мобильный телефон *»: the remote-signing flow sends SMS codes here and asks the client to re-enter it.
    public var mobile: String
    /// «Email *»: documents for signing and the originals are sent here.
    public var email: String
    /// «Домашний телефон», optional; a bare "+7" counts as empty.
    public var homePhone: String?
    /// «Рабочий телефон», optional; a bare "+7" counts as empty.
    public var workPhone: String?

    public init(mobile: String = "", email: String = "", homePhone: String? = nil, workPhone: String? = nil) {
        self.mobile = mobile
        self.email = email
        self.homePhone = homePhone
        self.workPhone = workPhone
    }
}
/// One address as the form has it: «Страна», «Город, улица, дом, квартира», «Индекс».
public struct PostalAddress: Sendable, Hashable, Codable {
    /// ISO country code, "RU" by default.
    public var country: String
    /// «Город, улица, дом, квартира» in one line, as typed.
    public var line: String
    /// «Индекс»: six digits in Russia.
    public var postalCode: String?

    public init(country: String = Country.russiaCode, line: String = "", postalCode: String? = nil) {
        self.country = country
        self.line = line
        self.postalCode = postalCode
    }
}

/// «Адреса»: the registration address and the actual one, or the flag «Фактический адрес совпадает с адресом
/// регистрации» so the agent does not type it twice.
public struct PersonAddresses: Sendable, Hashable, Codable {
    public var registration: PostalAddress
    public var actualSameAsRegistration: Bool
    /// Required unless `actualSameAsRegistration`; ignored when it is set.
    public var actual: PostalAddress?

    public init(registration: PostalAddress = PostalAddress(), actualSameAsRegistration: Bool = false,
                actual: PostalAddress? = nil) {
        self.registration = registration
        self.actualSameAsRegistration = actualSameAsRegistration
        self.actual = actual
    }

    /// Where the person actually lives, whichever way it was entered.
    public var effectiveActual: PostalAddress? {
        actualSameAsRegistration ? registration : actual
    }
}
