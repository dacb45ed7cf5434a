import Foundation
import KabinetDomain

/// The form as it first opens: from a saved quote (the insured as priced) or from a stored contract (to edit).
extension ContractForm {
    /// «Оформить»: the insured's names, sex and birth date from the quote; the insured is the policyholder when the
    /// calculator's «Является Страхователем» was ticked, otherwise the policyholder is a separate person.
    static func prefilled(from quote: SavedQuote) throws -> ContractForm {
        let input = try quote.decodedInput()
        var person = PersonForm.blank
        person.lastName = quote.insuredLastName
        person.firstName = quote.insuredFirstName
        person.middleName = quote.insuredMiddleName
        person.sex = input.sex
        person.birthDate = CalendarDate(input.birthDate)?.russian ?? input.birthDate
        var holder = PersonForm.blank
        holder.source = quote.isPolicyholder ? "insured" : "person"
        holder.insuredIndex = "0"
        var form = ContractForm(quote: try quote.requireID().uuidString, policyholder: holder)
        form.setInsured([person])
        return form
    }

    /// The stored contract's people, as the form shows them for «Редактировать».
    init(draft: ContractDraft) {
        self.init()
        setInsured(draft.insured.map(PersonForm.init(person:)))
        switch draft.policyholder {
        case .insured(let index):
            var holder = PersonForm.blank
            holder.source = "insured"
            holder.insuredIndex = String(index)
            policyholder = holder
        case .person(let person):
            var holder = PersonForm(person: person)
            holder.source = "person"
            policyholder = holder
        }
        setBeneficiaries(draft.beneficiaries.map {
            BeneficiaryForm(lastName: $0.lastName, firstName: $0.firstName, middleName: $0.middleName,
                            birthDate: $0.birthDate?.russian, share: $0.share.map(Self.shareText))
        })
    }

    /// "33,34" — a share as a Russian form shows it.
    static func shareText(_ share: Decimal) -> String {
        "\(share)".replacingOccurrences(of: ".", with: ",")
    }
}

extension PersonForm {
    init(person: ContractPerson) {
        let yes = { (flag: Bool) in flag ? "yes" : "no" }
        let passport = person.documents.passport
        let foreign = person.documents.foreignPassport
        let stay = person.documents.stayDocument
        let tax = person.taxResidency
        self.init(
            lastName: person.lastName, firstName: person.firstName, middleName: person.middleName,
            sex: person.sex?.rawValue, birthDate: person.birthDate?.russian, birthPlace: person.birthPlace,
            citizenship: person.citizenship, isPEP: yes(person.isPEP),
            documents: DocumentsForm(
                passport: passport.map {
                    PassportForm(series: $0.series, number: $0.number, issueDate: $0.issueDate?.russian,
                                 divisionCode: $0.divisionCode, issuedBy: $0.issuedBy)
                },
                foreignPassport: foreign.map {
                    ForeignPassportForm(country: $0.country, number: $0.number, issueDate: $0.issueDate?.russian,
                                        divisionCode: $0.divisionCode, issuedBy: $0.issuedBy)
                },
                stayDocument: stay.map {
                    StayDocumentForm(kind: $0.kind?.rawValue, series: $0.series, number: $0.number,
                                     issueDate: $0.issueDate?.russian, validFrom: $0.validFrom?.russian,
                                     validUntil: $0.validUntil?.russian)
                }),
            taxResidency: TaxForm(
                isUSTaxpayer: yes(tax.isUSTaxpayer), usTIN: tax.usTIN.map { TINForm(country: $0.country, number: $0.number) },
                isOtherForeignTaxpayer: yes(tax.isOtherForeignTaxpayer),
                otherTIN: tax.otherTIN.map { TINForm(country: $0.country, number: $0.number) }),
            contacts: ContactsForm(mobile: person.contacts.mobile, email: person.contacts.email,
                                   homePhone: person.contacts.homePhone, workPhone: person.contacts.workPhone),
            addresses: AddressesForm(
                registration: AddressForm(person.addresses.registration),
                actualSameAsRegistration: person.addresses.actualSameAsRegistration ? "1" : nil,
                actual: person.addresses.actual.map(AddressForm.init) ?? AddressForm(country: Country.russiaCode)))
    }
}

extension AddressForm {
    init(_ address: PostalAddress) {
        self.init(country: address.country, line: address.line, postalCode: address.postalCode)
    }
}
