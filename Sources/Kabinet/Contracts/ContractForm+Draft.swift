import Foundation
import KabinetDomain

/// Reading the posted form into the domain's `ContractDraft`.
///
/// Only the blocks the person's answers call for are read: the Russian passport for a Russian citizen, the
/// foreign passport and the stay document for anyone else, a TIN after «Да», the actual address unless it is
/// the registration one. A date typed in a block that is not read cannot produce an error for a hidden input.
/// Text that cannot be read (a date, a share) comes back as a field error with the path of its input.
extension ContractForm {
    func draft() -> (draft: ContractDraft, errors: [FieldError]) {
        var errors: [FieldError] = []
        let insured = insuredList.enumerated().map { index, form in
            form.person(at: ContractField.insured.item(index), errors: &errors)
        }
        let holderForm = policyholder ?? PersonForm()
        let holder: Policyholder = holderForm.source == "person"
            ? .person(holderForm.person(at: .policyholder, errors: &errors))
            : .insured(index: Int(holderForm.insuredIndex?.trimmed ?? "") ?? 0)
        let beneficiaries = beneficiaryList.enumerated().map { index, form in
            form.beneficiary(at: ContractField.beneficiaries.item(index), errors: &errors)
        }
        return (ContractDraft(insured: insured, policyholder: holder, beneficiaries: beneficiaries), errors)
    }
}

extension PersonForm {
    func person(at field: ContractField, errors: inout [FieldError]) -> ContractPerson {
        let citizenship = citizenship?.trimmed.nonEmpty ?? Country.russiaCode
        var person = ContractPerson(
            lastName: lastName?.trimmed ?? "", firstName: firstName?.trimmed ?? "",
            middleName: middleName?.trimmed.nonEmpty, sex: sex.flatMap { Sex(rawValue: $0.trimmed) },
            birthDate: ContractInputParsing.date(birthDate, at: field.child("birthDate"), errors: &errors),
            birthPlace: birthPlace?.trimmed ?? "", citizenship: citizenship)
        switch ContractInputParsing.yesNo(isPEP) {
        case .some(let answer): person.isPEP = answer
        case .none: errors.append(FieldError(field.child("isPEP"), .required))
        }
        person.documents = readDocuments(for: person, at: field.child("documents"), errors: &errors)
        person.taxResidency = readTaxResidency()
        let contacts = self.contacts
        person.contacts = ContactDetails(
            mobile: contacts?.mobile?.trimmed ?? "", email: contacts?.email?.trimmed ?? "",
            homePhone: contacts?.homePhone?.trimmed.nonEmpty, workPhone: contacts?.workPhone?.trimmed.nonEmpty)
        let same = addresses?.actualSameAsRegistration == "1"
        person.addresses = PersonAddresses(
            registration: (addresses?.registration).postal, actualSameAsRegistration: same,
            actual: same ? nil : (addresses?.actual).postal)
        return person
    }

    private func readDocuments(for person: ContractPerson, at field: ContractField, errors: inout [FieldError])
        -> PersonDocuments
    {
        if person.isForeignCitizen {
            let passport = documents?.foreignPassport
            let stay = documents?.stayDocument
            let passportField = field.child("foreignPassport")
            let stayField = field.child("stayDocument")
            return PersonDocuments(
                foreignPassport: ForeignPassport(
                    country: passport?.country?.trimmed ?? "", number: passport?.number?.trimmed ?? "",
                    issueDate: ContractInputParsing.date(passport?.issueDate, at: passportField.child("issueDate"),
                                                         errors: &errors),
                    divisionCode: passport?.divisionCode?.trimmed.nonEmpty, issuedBy: passport?.issuedBy?.trimmed ?? ""),
                stayDocument: StayDocument(
                    kind: stay?.kind.flatMap { StayDocumentKind(rawValue: $0.trimmed) },
                    series: stay?.series?.trimmed.nonEmpty, number: stay?.number?.trimmed ?? "",
                    issueDate: ContractInputParsing.date(stay?.issueDate, at: stayField.child("issueDate"), errors: &errors),
                    validFrom: ContractInputParsing.date(stay?.validFrom, at: stayField.child("validFrom"), errors: &errors),
                    validUntil: ContractInputParsing.date(stay?.validUntil, at: stayField.child("validUntil"),
                                                          errors: &errors)))
        }
        let passport = documents?.passport
        return PersonDocuments(passport: RussianPassport(
            series: passport?.series?.trimmed ?? "", number: passport?.number?.trimmed ?? "",
            issueDate: ContractInputParsing.date(passport?.issueDate, at: field.child("passport").child("issueDate"),
                                                 errors: &errors),
            divisionCode: passport?.divisionCode?.trimmed ?? "", issuedBy: passport?.issuedBy?.trimmed ?? ""))
    }

    /// «Да» keeps the TIN; «Нет» (or no answer) drops whatever was typed into the hidden TIN inputs.
    private func readTaxResidency() -> TaxResidency {
        let us = ContractInputParsing.yesNo(taxResidency?.isUSTaxpayer) ?? false
        let other = ContractInputParsing.yesNo(taxResidency?.isOtherForeignTaxpayer) ?? false
        return TaxResidency(
            isUSTaxpayer: us,
            usTIN: us ? ForeignTaxID(country: Country.unitedStatesCode, number: taxResidency?.usTIN?.number?.trimmed ?? "")
                : nil,
            isOtherForeignTaxpayer: other,
            otherTIN: other ? ForeignTaxID(country: taxResidency?.otherTIN?.country?.trimmed ?? "",
                                           number: taxResidency?.otherTIN?.number?.trimmed ?? "") : nil)
    }
}

extension Optional where Wrapped == AddressForm {
    var postal: PostalAddress {
        PostalAddress(country: self?.country?.trimmed.nonEmpty ?? Country.russiaCode, line: self?.line?.trimmed ?? "",
                      postalCode: self?.postalCode?.trimmed.nonEmpty)
    }
}

extension BeneficiaryForm {
    func beneficiary(at field: ContractField, errors: inout [FieldError]) -> Beneficiary {
        Beneficiary(
            lastName: lastName?.trimmed ?? "", firstName: firstName?.trimmed ?? "",
            middleName: middleName?.trimmed.nonEmpty,
            birthDate: ContractInputParsing.date(birthDate, at: field.child("birthDate"), errors: &errors),
            share: ContractInputParsing.share(share, at: field.child("share"), errors: &errors))
    }
}

extension String {
    /// Nil for an empty string, so optional fields are stored as absent rather than "".
    var nonEmpty: String? { isEmpty ? nil : self }
}
