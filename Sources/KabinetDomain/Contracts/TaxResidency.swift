import Foundation

/// «Идентификатор иностранного налогоплательщика» (TIN): the country that issued it and the number.
public struct ForeignTaxID: Sendable, Hashable, Codable {
    /// ISO country code; "US" for the US question's TIN.
    public var country: String
    public var number: String

    public init(country: String = "", number: String = "") {
        self.country = country
        self.number = number
    }
}

/// The two tax-residency questions of the form and the TINs they call for.
///
/// «Является налогоплательщиком США?» and «Является налогоплательщиком иного иностранного государства?» are
/// asked because the insurer reports foreign taxpayers (FATCA / CRS); the seed: «Указание номера TIN в
/// соответствующее поле обязательно». A «Да» makes the matching TIN mandatory; with «Нет» a leftover TIN is
/// ignored. The US TIN has its country fixed to the United States, as on the form; the other TIN's country is
/// chosen and must be neither Russia nor the United States.
public struct TaxResidency: Sendable, Hashable, Codable {
    /// «Является налогоплательщиком США?»
    public var isUSTaxpayer: Bool
    /// Required when `isUSTaxpayer`.
    public var usTIN: ForeignTaxID?
    /// «Является налогоплательщиком иного иностранного государства?»
    public var isOtherForeignTaxpayer: Bool
    /// Required when `isOtherForeignTaxpayer`.
    public var otherTIN: ForeignTaxID?

    public init(isUSTaxpayer: Bool = false, usTIN: ForeignTaxID? = nil, isOtherForeignTaxpayer: Bool = false,
                otherTIN: ForeignTaxID? = nil) {
        self.isUSTaxpayer = isUSTaxpayer
        self.usTIN = usTIN
        self.isOtherForeignTaxpayer = isOtherForeignTaxpayer
        self.otherTIN = otherTIN
    }

    /// «Нет» to both: the common case.
    public static let none = TaxResidency()
}
