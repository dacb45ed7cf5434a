import Foundation

/// Every message key the contract rules can emit. `ContractMessageTexts` has a Russian and an English text
/// for each (a test enforces it), so the form, the card and the API never show a raw key.
///
/// Arguments are named and plain: ISO dates ("2020-01-01"), ISO country codes ("US"), decimal numbers with
/// a dot ("33.34"); `ContractMessages.render` turns them into ДД.ММ.ГГГГ and country names.
public enum ContractMessageKey: String, CaseIterable, Sendable, Codable {
    // Any field.
    case required = "contract.required"
    case dateInvalid = "contract.date.invalid"
    case dateInFuture = "contract.date.in_future"
    case textTooLong = "contract.text.too_long"
    case countryUnknown = "contract.country.unknown"

    // The person.
    case nameInvalid = "contract.person.name.invalid"
    case birthDateInFuture = "contract.person.birth_date.in_future"
    case birthDateTooEarly = "contract.person.birth_date.too_early"

    // «Паспорт гражданина РФ».
    case passportSeries = "contract.passport.series"
    case passportNumber = "contract.passport.number"
    case passportDivisionCode = "contract.passport.division_code"
    case passportIssuedBefore14 = "contract.passport.issue_date.before_14"

    // Foreign passport and the second document of a foreign citizen.
    case documentNumberInvalid = "contract.document.number.invalid"
    case documentIssuedBeforeBirth = "contract.document.issue_date.before_birth"
    case documentPeriodInvalid = "contract.document.period.invalid"
    case documentExpired = "contract.document.expired"
    case foreignPassportForRussian = "contract.foreign_passport.russia"

    // «Идентификатор иностранного налогоплательщика».
    case tinRequired = "contract.tin.required"
    case tinUSNumber = "contract.tin.us_number"
    case tinNumber = "contract.tin.number"
    case tinCountryNotOther = "contract.tin.country.not_other"

    // Contacts.
    case phoneInvalid = "contract.phone.invalid"
    case phoneNotMobile = "contract.phone.not_mobile"
    case emailInvalid = "contract.email.invalid"

    // Addresses.
    case postalCodeRussia = "contract.address.postal_code"
    case postalCodeForeign = "contract.address.postal_code.foreign"

    // Composition of the contract.
    case insuredNone = "contract.insured.none"
    case policyholderIndexInvalid = "contract.policyholder.index_invalid"
    case policyholderMinor = "contract.policyholder.minor"
    case beneficiaryShareInvalid = "contract.beneficiary.share.invalid"
    case beneficiarySharesTotal = "contract.beneficiaries.shares_total"

    // Status changes (`TransitionRefusal`).
    case transitionRoleNotAllowed = "contract.transition.role_not_allowed"
    case transitionSignNotDraft = "contract.transition.sign.not_draft"
    case transitionPayNotSigned = "contract.transition.pay.not_signed"
    case transitionPayAlreadyPaid = "contract.transition.pay.already_paid"
    case transitionAcceptNotSigned = "contract.transition.accept.not_signed"
    case transitionAcceptUnpaid = "contract.transition.accept.unpaid"
    case transitionCancelNotDraft = "contract.transition.cancel.not_draft"
    case transitionErroneousNotSigned = "contract.transition.erroneous.not_signed"
    case transitionErroneousAlready = "contract.transition.erroneous.already"
    case transitionErroneousNotConfirmed = "contract.transition.erroneous.not_confirmed"
    case transitionRestoreNotErroneous = "contract.transition.restore.not_erroneous"
    case transitionRestoreBackOfficeOnly = "contract.transition.restore.back_office_only"
    case transitionReasonRequired = "contract.transition.reason.required"
    case transitionWorkTextRequired = "contract.transition.work.text_required"
    case transitionWorkTextTooLong = "contract.transition.work.text_too_long"
    case transitionWorkClosedContract = "contract.transition.work.closed_contract"
    case transitionWorkNotRequired = "contract.transition.work.not_required"

    // Strict-reporting-form ranges (БСО).
    case blankNumberFormat = "contract.blank.number.format"
    case blankLengthMismatch = "contract.blank.length_mismatch"
    case blankOrder = "contract.blank.order"
    case blankOverlap = "contract.blank.overlap"
    case blankExhausted = "contract.blank.exhausted"
    case blankRunningLow = "contract.blank.running_low"
}
