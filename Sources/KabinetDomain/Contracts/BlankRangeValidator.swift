import Foundation

/// Whether a БСО range may be saved by the back office. Fields: "agreementNumber", "productCode", "first",
/// "last".
///
/// Overlap is checked against every existing range, not only those of the same agreement and product: a
/// БСО number becomes a contract's number, which the contract list searches by and the payment page shows,
/// so it must be unique across the company. (Two agreements sharing a number would give two contracts the same
/// number.) When editing a range, pass the others without it.
public enum BlankRangeValidator {
    public static func validate(_ range: BlankRange, against existing: [BlankRange]) -> [FieldError] {
        var problems = ContractProblems()
        problems.required(range.agreementNumber, "agreementNumber")
        problems.required(range.productCode, "productCode")
        let first = range.first.trimmingCharacters(in: .whitespaces)
        let last = range.last.trimmingCharacters(in: .whitespaces)
        let firstValid = number(first, at: "first", into: &problems)
        let lastValid = number(last, at: "last", into: &problems)
        guard firstValid, lastValid else { return problems.errors }
        if first.count != last.count {
            problems.add("last", .blankLengthMismatch, ["first": first, "last": last])
            return problems.errors
        }
        if BlankRange.value(first)! > BlankRange.value(last)! {
            problems.add("last", .blankOrder, ["first": first, "last": last])
            return problems.errors
        }
        let trimmed = BlankRange(agreementNumber: range.agreementNumber, productCode: range.productCode,
                                 first: first, last: last)
        for other in existing where trimmed.overlaps(other) {
            problems.add("first", .blankOverlap, [
                "agreement": other.agreementNumber, "product": other.productCode,
                "first": other.first, "last": other.last,
            ])
        }
        return problems.errors
    }

    /// Required, digits only, of an allowed length.
    static func number(_ text: String, at field: ContractField, into problems: inout ContractProblems) -> Bool {
        guard problems.required(text, field) != nil else { return false }
        guard BlankRange.value(text) != nil else {
            problems.add(field, .blankNumberFormat, [
                "value": text,
                "min": String(BlankRange.allowedLengths.lowerBound),
                "max": String(BlankRange.allowedLengths.upperBound),
            ])
            return false
        }
        return true
    }
}
