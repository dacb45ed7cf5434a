import Foundation

/// «Паспорт гражданина РФ» as the form shows it: «Серия», «Номер», «Дата выдачи», «Код подразделения»,
/// «Кем выдан документ». Kept as typed text; `ContractPersonValidator` says what is wrong with it.
public struct RussianPassport: Sendable, Hashable, Codable {
    /// Four digits, "1010"; a space inside ("10 10", as printed in the passport) is accepted.
    public var series: String
    /// Six digits, "101010".
    public var number: String
    public var issueDate: CalendarDate?
    /// "220-062"; "220062" is accepted.
    public var divisionCode: String
    public var issuedBy: String

    public init(series: String = "", number: String = "", issueDate: CalendarDate? = nil, divisionCode: String = "",
                issuedBy: String = "") {
        self.series = series
        self.number = number
        self.issueDate = issueDate
        self.divisionCode = divisionCode
        self.issuedBy = issuedBy
    }

    /// The form to store: series without spaces, division code as NNN-NNN, text trimmed. Validate first;
    /// an invalid value is returned trimmed but otherwise as typed.
    public var normalized: RussianPassport {
        var copy = self
        copy.series = series.filter { !$0.isWhitespace }
        copy.number = number.trimmingCharacters(in: .whitespaces)
        let code = divisionCode.filter { !$0.isWhitespace }
        copy.divisionCode = code.count == 6 && code.allSatisfy(\.isASCIIDigitCharacter)
            ? "\(code.prefix(3))-\(code.suffix(3))" : code
        copy.issuedBy = issuedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        return copy
    }
}

/// «Иностранный паспорт» — the first mandatory document of a foreign citizen: «Страна», number,
/// «Дата выдачи», optional «Код подразделения», «Кем выдан документ».
public struct ForeignPassport: Sendable, Hashable, Codable {
    /// ISO code of the issuing country.
    public var country: String
    public var number: String
    public var issueDate: CalendarDate?
    /// Shown without an asterisk in the seed: optional.
    public var divisionCode: String?
    public var issuedBy: String

    public init(country: String = "", number: String = "", issueDate: CalendarDate? = nil, divisionCode: String? = nil,
                issuedBy: String = "") {
        self.country = country
        self.number = number
        self.issueDate = issueDate
        self.divisionCode = divisionCode
        self.issuedBy = issuedBy
    }
}

/// The second mandatory document of a foreign citizen — the one that makes the stay in Russia lawful.
public enum StayDocumentKind: String, CaseIterable, Sendable, Codable {
    case migrationCard
    case visa
    case residencePermit
    case temporaryResidencePermit

    /// Exactly the seed's dropdown wording.
    public var russianName: String {
        switch self {
        case .migrationCard: "Миграционная карта"
        case .visa: "ВИЗА"
        case .residencePermit: "Вид на жительство"
        case .temporaryResidencePermit: "Разрешение на временное проживание в РФ"
        }
    }

    public var englishName: String {
        switch self {
        case .migrationCard: "Migration card"
        case .visa: "Visa"
        case .residencePermit: "Residence permit"
        case .temporaryResidencePermit: "Temporary residence permit"
        }
    }
}

/// «Обязательный документ»: a migration card, visa, residence permit or temporary residence permit.
/// Which fields are required depends on the kind (`ContractPersonValidator`): a migration card has «Серия *»
/// in the seed and a period of stay; a visa has an issue date and a validity period; a permanent residence
/// permit may have no end date.
public struct StayDocument: Sendable, Hashable, Codable {
    public var kind: StayDocumentKind?
    public var series: String?
    public var number: String
    public var issueDate: CalendarDate?
    /// Start of the period of stay or validity.
    public var validFrom: CalendarDate?
    /// End of the period of stay or validity.
    public var validUntil: CalendarDate?

    public init(kind: StayDocumentKind? = nil, series: String? = nil, number: String = "",
                issueDate: CalendarDate? = nil,
                validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil) {
        self.kind = kind
        self.series = series
        self.number = number
        self.issueDate = issueDate
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}

/// The «Документ» block of a person. Which documents are required follows from the citizenship: a Russian
/// citizen needs the passport; a foreign citizen needs the foreign passport and a stay document
/// («К заполнению два документа: иностранный паспорт и обязательный документ на выбор»).
/// Documents that the citizenship does not call for are ignored, not rejected, so switching the citizenship
/// back and forth on the form does not produce errors for hidden blocks.
public struct PersonDocuments: Sendable, Hashable, Codable {
    public var passport: RussianPassport?
    public var foreignPassport: ForeignPassport?
    public var stayDocument: StayDocument?

    public init(passport: RussianPassport? = nil, foreignPassport: ForeignPassport? = nil,
                stayDocument: StayDocument? = nil) {
        self.passport = passport
        self.foreignPassport = foreignPassport
        self.stayDocument = stayDocument
    }
}
