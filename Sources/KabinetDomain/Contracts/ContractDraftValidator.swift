import Foundation

/// Whether a contract's people may be saved: every insured person, the policyholder, the beneficiaries and
/// their shares. Returns every problem found (empty when the draft is fine); never throws.
public enum ContractDraftValidator {
    /// A policyholder signs the contract and pays: full legal capacity comes at 18 (Civil Code art. 21).
    public static let policyholderMinimumAge = 18

    public static func validate(_ draft: ContractDraft, today: CalendarDate) -> [FieldError] {
        var problems = ContractProblems()
        if draft.insured.isEmpty { problems.add(.insured, .insuredNone) }
        for (index, person) in draft.insured.enumerated() {
            problems.add(ContractPersonValidator.validate(person, at: ContractField.insured.item(index), today: today))
        }
        validatePolicyholder(draft, today: today, into: &problems)
        validateBeneficiaries(draft.beneficiaries, today: today, into: &problems)
        return problems.errors
    }

    /// A chosen insured must exist; a separate person is validated in full under "policyholder". Either way
    /// the policyholder must be an adult.
    static func validatePolicyholder(_ draft: ContractDraft, today: CalendarDate,
                                     into problems: inout ContractProblems) {
        let field = ContractField.policyholder
        let ageField: ContractField
        switch draft.policyholder {
        case .insured(let index):
            ageField = field.child("insuredIndex")
            if !draft.insured.indices.contains(index) {
                if !draft.insured.isEmpty {
                    problems.add(ageField, .policyholderIndexInvalid, ["value": String(index)])
                }
                return
            }
        case .person(let person):
            ageField = field.child("birthDate")
            problems.add(ContractPersonValidator.validate(person, at: field, today: today))
        }
        if let birth = draft.policyholderPerson?.birthDate, birth <= today {
            let age = birth.age(on: today)
            if age < policyholderMinimumAge {
                problems.add(ageField, .policyholderMinor, ["age": String(age), "min": String(policyholderMinimumAge)])
            }
        }
    }

    /// Each beneficiary needs a name, a birth date and a share above 0 and at most 100 with at most two
    /// decimals; when every share is valid they must add up to exactly 100 (no rounding: 33.33 × 3 is 99.99,
    /// so one share must be 33.34).
    static func validateBeneficiaries(_ beneficiaries: [Beneficiary], today: CalendarDate,
                                      into problems: inout ContractProblems) {
        var total = Decimal(0)
        var allSharesValid = true
        for (index, beneficiary) in beneficiaries.enumerated() {
            let field = ContractField.beneficiaries.item(index)
            for (name, value, required) in [("lastName", beneficiary.lastName, true),
                                            ("firstName", beneficiary.firstName, true),
                                            ("middleName", beneficiary.middleName ?? "", false)] {
                ContractPersonValidator.name(value, at: field.child(name), required: required, into: &problems)
            }
            if let birth = ContractPersonValidator.pastDate(beneficiary.birthDate, at: field.child("birthDate"),
                                                            required: true, today: today, into: &problems),
               birth < ContractPersonValidator.earliestBirthDate {
                problems.add(field.child("birthDate"), .birthDateTooEarly,
                             ["min": ContractPersonValidator.earliestBirthDate.iso])
            }
            guard let share = beneficiary.share else {
                problems.add(field.child("share"), .required)
                allSharesValid = false
                continue
            }
            if !isValidShare(share) {
                problems.add(field.child("share"), .beneficiaryShareInvalid, ["value": "\(share)"])
                allSharesValid = false
            }
            total += share
        }
        if !beneficiaries.isEmpty, allSharesValid, total != 100 {
            problems.add(.beneficiaries, .beneficiarySharesTotal, ["total": "\(total)"])
        }
    }

    /// Above 0, at most 100, at most two decimals.
    public static func isValidShare(_ share: Decimal) -> Bool {
        share > 0 && share <= 100 && DecimalRounding.fits(share, scale: 2)
    }
}
