import Foundation
import KabinetDomain
import Vapor

/// One person's blocks of the form, as `contracts/person.leaf` draws them.
struct PersonView: Encodable {
    var title: String
    var path: String
    /// The «Удалить» button's action; nil for the first insured (the person priced) and the policyholder.
    var removeAction: String?
    var identity: [FormFieldView]
    var russianWhen: String
    var foreignWhen: String
    var foreign: Bool
    var passport: [FormFieldView]
    var foreignPassport: [FormFieldView]
    var stayDocument: [FormFieldView]
    var tax: [FormFieldView]
    var contacts: [FormFieldView]
    var registration: [FormFieldView]
    var sameAddress: FormFieldView
    var actualWhen: String
    var actualHidden: Bool
    var actual: [FormFieldView]
}

extension FormFieldBuilder {
    /// `fixedFromQuote`: the first insured's sex and birth date come from the quote and are shown read-only.
    func person(_ form: PersonForm, at path: ContractField, title: String, removeAction: String? = nil,
                fixedFromQuote: Bool = false) -> PersonView {
        let citizenship = form.citizenship?.trimmed.nonEmpty ?? Country.russiaCode
        let foreign = ContractPerson(citizenship: citizenship).isForeignCitizen
        let citizenshipName = Self.name(path.child("citizenship"))
        let sexes = Sex.allCases.map { ($0.rawValue, english ? $0.englishName : $0.russianName) }
        var sex = select(path.child("sex"), label: "contracts.field.sex", value: form.sex, required: true, choices: sexes)
        var birth = field(path.child("birthDate"), label: "contracts.field.birthDate", value: form.birthDate,
                          kind: "date", required: true)
        if fixedFromQuote {
            sex.kind = "fixed"
            sex.display = sexes.first { $0.0 == form.sex }?.1 ?? form.sex ?? ""
            sex.hint = request.t("contracts.from_quote")
            birth.kind = "fixed"
            birth.display = form.birthDate
            birth.hint = request.t("contracts.from_quote")
        }
        let identity = [
            field(path.child("lastName"), label: "contracts.field.lastName", value: form.lastName, required: true),
            field(path.child("firstName"), label: "contracts.field.firstName", value: form.firstName, required: true),
            field(path.child("middleName"), label: "contracts.field.middleName", value: form.middleName),
            sex, birth,
            field(path.child("birthPlace"), label: "contracts.field.birthPlace", value: form.birthPlace, required: true),
            select(path.child("citizenship"), label: "contracts.field.citizenship", value: citizenship, choices: countries,
                   blank: false),
            select(path.child("isPEP"), label: "contracts.field.isPEP", value: form.isPEP, required: true, choices: yesNo),
        ]
        let addresses = form.addresses
        let same = addresses?.actualSameAsRegistration == "1"
        var sameAddress = field(path.child("addresses").child("actualSameAsRegistration"),
                                label: "contracts.field.sameAddress", value: "1", kind: "checkbox")
        sameAddress.display = same ? "checked" : nil
        sameAddress.wide = true
        return PersonView(
            title: title, path: path.path, removeAction: removeAction, identity: identity,
            russianWhen: "\(citizenshipName)=\(Country.russiaCode)", foreignWhen: "\(citizenshipName)!=\(Country.russiaCode)",
            foreign: foreign,
            passport: passport(form.documents?.passport, at: path.child("documents").child("passport")),
            foreignPassport: foreignPassport(form.documents?.foreignPassport, citizenship: citizenship,
                                             at: path.child("documents").child("foreignPassport")),
            stayDocument: stayDocument(form.documents?.stayDocument, at: path.child("documents").child("stayDocument")),
            tax: tax(form.taxResidency, at: path.child("taxResidency")),
            contacts: contacts(form.contacts, at: path.child("contacts")),
            registration: address(addresses?.registration, at: path.child("addresses").child("registration"),
                                  postalRequired: true),
            sameAddress: sameAddress, actualWhen: "\(sameAddress.name)!=1", actualHidden: same,
            actual: address(addresses?.actual, at: path.child("addresses").child("actual"), postalRequired: false))
    }

    func passport(_ form: PassportForm?, at path: ContractField) -> [FormFieldView] {
        var series = field(path.child("series"), label: "contracts.field.series", value: form?.series, required: true)
        series.inputmode = "numeric"
        var number = field(path.child("number"), label: "contracts.field.number", value: form?.number, required: true)
        number.inputmode = "numeric"
        var code = field(path.child("divisionCode"), label: "contracts.field.divisionCode", value: form?.divisionCode,
                         required: true)
        code.placeholder = "000-000"
        code.inputmode = "numeric"
        var issuedBy = field(path.child("issuedBy"), label: "contracts.field.issuedBy", value: form?.issuedBy, required: true)
        issuedBy.double = true
        return [series, number,
                field(path.child("issueDate"), label: "contracts.field.issueDate", value: form?.issueDate, kind: "date",
                      required: true),
                code, issuedBy]
    }

    /// The issuing country starts as the citizenship, which it usually is.
    func foreignPassport(_ form: ForeignPassportForm?, citizenship: String, at path: ContractField) -> [FormFieldView] {
        var issuedBy = field(path.child("issuedBy"), label: "contracts.field.issuedBy", value: form?.issuedBy, required: true)
        issuedBy.double = true
        return [
            select(path.child("country"), label: "contracts.field.country",
                   value: form?.country?.trimmed.nonEmpty ?? citizenship, required: true,
                   choices: countries.filter { $0.value != Country.russiaCode }),
            field(path.child("number"), label: "contracts.field.number", value: form?.number, required: true),
            field(path.child("issueDate"), label: "contracts.field.issueDate", value: form?.issueDate, kind: "date",
                  required: true),
            field(path.child("divisionCode"), label: "contracts.field.divisionCode", value: form?.divisionCode),
            issuedBy,
        ]
    }

    func stayDocument(_ form: StayDocumentForm?, at path: ContractField) -> [FormFieldView] {
        let kinds = StayDocumentKind.allCases.map { ($0.rawValue, english ? $0.englishName : $0.russianName) }
        return [
            select(path.child("kind"), label: "contracts.field.documentKind", value: form?.kind, required: true,
                   choices: kinds),
            field(path.child("series"), label: "contracts.field.series", value: form?.series),
            field(path.child("number"), label: "contracts.field.number", value: form?.number, required: true),
            field(path.child("issueDate"), label: "contracts.field.issueDate", value: form?.issueDate, kind: "date"),
            field(path.child("validFrom"), label: "contracts.field.validFrom", value: form?.validFrom, kind: "date"),
            field(path.child("validUntil"), label: "contracts.field.validUntil", value: form?.validUntil, kind: "date"),
        ]
    }

    /// The two tax questions; each TIN input shows only after «Да».
    func tax(_ form: TaxForm?, at path: ContractField) -> [FormFieldView] {
        var usQuestion = field(path.child("isUSTaxpayer"), label: "contracts.field.isUSTaxpayer",
                               value: form?.isUSTaxpayer ?? "no", kind: "yesno", options: yesNoOptions(form?.isUSTaxpayer))
        usQuestion.wide = true
        var usTIN = field(path.child("usTIN").child("number"), label: "contracts.field.tin", value: form?.usTIN?.number,
                          required: true)
        usTIN.hint = request.t("contracts.tin_us_hint")
        var otherQuestion = field(path.child("isOtherForeignTaxpayer"), label: "contracts.field.isOtherForeignTaxpayer",
                                  value: form?.isOtherForeignTaxpayer ?? "no", kind: "yesno",
                                  options: yesNoOptions(form?.isOtherForeignTaxpayer))
        otherQuestion.wide = true
        var otherCountry = select(path.child("otherTIN").child("country"), label: "contracts.field.tinCountry",
                                  value: form?.otherTIN?.country, required: true,
                                  choices: countries.filter { $0.value != Country.russiaCode && $0.value != Country.unitedStatesCode })
        var otherTIN = field(path.child("otherTIN").child("number"), label: "contracts.field.tin",
                             value: form?.otherTIN?.number, required: true)
        let usHidden = ContractInputParsing.yesNo(form?.isUSTaxpayer) != true
        let otherHidden = ContractInputParsing.yesNo(form?.isOtherForeignTaxpayer) != true
        usTIN = usTIN.shown(when: "\(usQuestion.name)=yes", hidden: usHidden)
        otherCountry = otherCountry.shown(when: "\(otherQuestion.name)=yes", hidden: otherHidden)
        otherTIN = otherTIN.shown(when: "\(otherQuestion.name)=yes", hidden: otherHidden)
        return [usQuestion, usTIN, otherQuestion, otherCountry, otherTIN]
    }

    private func yesNoOptions(_ value: String?) -> [SelectOption] {
        let chosen = ContractInputParsing.yesNo(value) ?? false
        return [SelectOption(value: "yes", label: request.t("contracts.yes"), selected: chosen),
                SelectOption(value: "no", label: request.t("contracts.no"), selected: !chosen)]
    }

    func contacts(_ form: ContactsForm?, at path: ContractField) -> [FormFieldView] {
        var email = field(path.child("email"), label: "contracts.field.email", value: form?.email, kind: "email",
                          required: true)
        email.placeholder = "name@mail.ru"
        var home = field(path.child("homePhone"), label: "contracts.field.homePhone", value: form?.homePhone, kind: "tel")
        var work = field(path.child("workPhone"), label: "contracts.field.workPhone", value: form?.workPhone, kind: "tel")
        home.placeholder = "+7 (XXX) XXX-XX-XX"
        work.placeholder = home.placeholder
        return [
            field(path.child("mobile"), label: "contracts.field.mobile", value: form?.mobile, kind: "tel", required: true),
            email, home, work,
        ]
    }

    func address(_ form: AddressForm?, at path: ContractField, postalRequired: Bool) -> [FormFieldView] {
        var line = field(path.child("line"), label: "contracts.field.addressLine", value: form?.line, required: true)
        line.double = true
        var postal = field(path.child("postalCode"), label: "contracts.field.postalCode", value: form?.postalCode,
                           required: postalRequired)
        postal.inputmode = "numeric"
        return [
            select(path.child("country"), label: "contracts.field.country", value: form?.country ?? Country.russiaCode,
                   choices: countries, blank: false),
            line, postal,
        ]
    }
}
