import Foundation

/// The document rules: which documents the citizenship calls for, and what each must contain.
extension ContractPersonValidator {
    /// Longest document number accepted (passports and visas of any country fit).
    static let maxDocumentNumberLength = 20

    static func validateDocuments(_ person: ContractPerson, at field: ContractField, today: CalendarDate,
                                  into problems: inout ContractProblems) {
        let documents = person.documents
        if person.isForeignCitizen {
            foreignPassport(documents.foreignPassport ?? ForeignPassport(), birthDate: person.birthDate,
                            at: field.child("foreignPassport"), today: today, into: &problems)
            stayDocument(documents.stayDocument ?? StayDocument(), birthDate: person.birthDate,
                         at: field.child("stayDocument"), today: today, into: &problems)
        } else {
            russianPassport(documents.passport ?? RussianPassport(), birthDate: person.birthDate,
                            at: field.child("passport"), today: today, into: &problems)
        }
    }

    /// «Серия» 4 digits, «Номер» 6 digits, «Дата выдачи» from the 14th birthday to today (a Russian passport
    /// is first issued at 14), «Код подразделения» NNN-NNN, «Кем выдан» required.
    static func russianPassport(_ raw: RussianPassport, birthDate: CalendarDate?, at field: ContractField,
                                today: CalendarDate, into problems: inout ContractProblems) {
        let passport = raw.normalized
        if let series = problems.required(passport.series, field.child("series")), !isDigits(series, count: 4) {
            problems.add(field.child("series"), .passportSeries, ["value": series])
        }
        if let number = problems.required(passport.number, field.child("number")), !isDigits(number, count: 6) {
            problems.add(field.child("number"), .passportNumber, ["value": number])
        }
        let issueField = field.child("issueDate")
        if let issued = pastDate(passport.issueDate, at: issueField, required: true, today: today, into: &problems),
           let birthDate {
            let fourteenth = birthDate.adding(years: 14)
            if issued < fourteenth { problems.add(issueField, .passportIssuedBefore14, ["date": fourteenth.iso]) }
        }
        if let code = problems.required(passport.divisionCode, field.child("divisionCode")) {
            let parts = code.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count != 2 || !isDigits(parts[0], count: 3) || !isDigits(parts[1], count: 3) {
                problems.add(field.child("divisionCode"), .passportDivisionCode, ["value": code])
            }
        }
        if let issuedBy = problems.required(passport.issuedBy, field.child("issuedBy")) {
            problems.limit(issuedBy, field.child("issuedBy"), max: maxPlaceLength)
        }
    }

    /// «Иностранный паспорт»: «Страна *», number, «Дата выдачи *», «Кем выдан документ *»; «Код подразделения»
    /// is optional. A passport "issued by Russia" means the person is a Russian citizen: the citizenship is wrong.
    static func foreignPassport(_ passport: ForeignPassport, birthDate: CalendarDate?, at field: ContractField,
                                today: CalendarDate, into problems: inout ContractProblems) {
        country(passport.country, at: field.child("country"), into: &problems)
        if Country.find(passport.country)?.code == Country.russiaCode {
            problems.add(field.child("country"), .foreignPassportForRussian)
        }
        documentNumber(passport.number, at: field.child("number"), required: true, into: &problems)
        issueDate(passport.issueDate, birthDate: birthDate, at: field.child("issueDate"), required: true,
                  today: today, into: &problems)
        if let code = passport.divisionCode {
            problems.limit(code.trimmingCharacters(in: .whitespaces), field.child("divisionCode"),
                           max: maxDocumentNumberLength)
        }
        if let issuedBy = problems.required(passport.issuedBy, field.child("issuedBy")) {
            problems.limit(issuedBy, field.child("issuedBy"), max: maxPlaceLength)
        }
    }

    /// The second document. Required fields by kind: a migration card — «Серия *», number, period of stay;
    /// a visa — number, issue date, validity period; a residence permit — number, issue date (end date only
    /// if it has one: permanent permits have none); a temporary residence permit — number, issue date, end date.
    /// A document whose validity ended before today does not make the stay lawful.
    static func stayDocument(_ document: StayDocument, birthDate: CalendarDate?, at field: ContractField,
                             today: CalendarDate, into problems: inout ContractProblems) {
        guard let kind = problems.required(document.kind, field.child("kind")) else { return }
        let seriesRequired = kind == .migrationCard
        documentNumber(document.series ?? "", at: field.child("series"), required: seriesRequired, into: &problems)
        documentNumber(document.number, at: field.child("number"), required: true, into: &problems)
        issueDate(document.issueDate, birthDate: birthDate, at: field.child("issueDate"),
                  required: kind != .migrationCard, today: today, into: &problems)
        let fromRequired = kind == .migrationCard || kind == .visa
        if fromRequired { problems.required(document.validFrom, field.child("validFrom")) }
        let untilField = field.child("validUntil")
        let until = kind == .residencePermit
            ? document.validUntil : problems.required(document.validUntil, untilField)
        guard let until else { return }
        if let from = document.validFrom, until < from {
            problems.add(untilField, .documentPeriodInvalid, ["from": from.iso, "until": until.iso])
        } else if until < today {
            problems.add(untilField, .documentExpired, ["date": until.iso])
        }
    }

    /// Latin or Cyrillic letters, digits, spaces and hyphens, at most `maxDocumentNumberLength`.
    static func documentNumber(_ text: String, at field: ContractField, required: Bool,
                               into problems: inout ContractProblems) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            if required { problems.add(field, .required) }
            return
        }
        let allowed = trimmed.allSatisfy { ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }
        if !allowed || trimmed.count > maxDocumentNumberLength || !trimmed.contains(where: \.isNumber) {
            problems.add(field, .documentNumberInvalid, ["value": trimmed, "max": String(maxDocumentNumberLength)])
        }
    }

    /// An issue date: not in the future and not before the holder was born.
    static func issueDate(_ date: CalendarDate?, birthDate: CalendarDate?, at field: ContractField, required: Bool,
                          today: CalendarDate, into problems: inout ContractProblems) {
        guard let date = pastDate(date, at: field, required: required, today: today, into: &problems) else { return }
        if let birthDate, date < birthDate { problems.add(field, .documentIssuedBeforeBirth) }
    }

    static func isDigits<S: StringProtocol>(_ text: S, count: Int) -> Bool {
        text.count == count && text.allSatisfy(\.isASCIIDigitCharacter)
    }
}
