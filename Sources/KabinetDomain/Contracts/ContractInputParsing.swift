import Foundation

/// Turning the contract form's typed text into the typed values of `ContractPerson` and `Beneficiary`.
///
/// Dates and shares are typed on the form; a value that cannot be read must come back as a field error next
/// to its input (with the same path and key style as the validators), not as a 400 page. The web form and
/// the JSON API both go through these so they accept the same formats.
public enum ContractInputParsing {
    /// "01.01.1992" or "1992-01-01". Blank gives nil without an error (the validator then reports
    /// `contract.required` where the date is required); an unreadable date gives nil and `contract.date.invalid`.
    public static func date(_ text: String?, at field: ContractField, errors: inout [FieldError]) -> CalendarDate? {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        if trimmed.isEmpty { return nil }
        guard let date = CalendarDate(trimmed) else {
            errors.append(FieldError(field, .dateInvalid, ["value": trimmed]))
            return nil
        }
        return date
    }

    /// A share in percent: "50", "33,34", "33.34", "33,34 %". Blank gives nil without an error; anything else
    /// unreadable gives nil and `contract.beneficiary.share.invalid`.
    public static func share(_ text: String?, at field: ContractField, errors: inout [FieldError]) -> Decimal? {
        var trimmed = (text ?? "").trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") { trimmed = String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) }
        if trimmed.isEmpty { return nil }
        guard let value = DecimalRounding.parse(trimmed.replacingOccurrences(of: ",", with: ".")), value >= 0 else {
            errors.append(FieldError(field, .beneficiaryShareInvalid, ["value": trimmed]))
            return nil
        }
        return value
    }

    /// «Является налогоплательщиком США?» and similar radio buttons: "yes"/"no", "да"/"нет", "true"/"false",
    /// "1"/"0". Nil for anything else (the form did not post the radio at all).
    public static func yesNo(_ text: String?) -> Bool? {
        switch (text ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "yes", "да", "true", "1", "on": true
        case "no", "нет", "false", "0", "off": false
        default: nil
        }
    }
}
