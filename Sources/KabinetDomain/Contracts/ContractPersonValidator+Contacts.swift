import Foundation

/// Contact, address and tax-residency rules.
extension ContractPersonValidator {
    /// «Город, улица, дом, квартира» in one line.
    static let maxAddressLength = 500
    /// Longest foreign TIN accepted.
    static let maxTINLength = 30

    /// «Мобильный телефон *» must be a Russian mobile (SMS codes go there); «Email *» a plausible address;
    /// home and work phones are optional but, when typed, must be Russian numbers.
    static func validateContacts(_ contacts: ContactDetails, at field: ContractField,
                                 into problems: inout ContractProblems) {
        phone(contacts.mobile, at: field.child("mobile"), mobile: true, into: &problems)
        if let email = problems.required(contacts.email, field.child("email")), !EmailAddress.isValid(email) {
            problems.add(field.child("email"), .emailInvalid, ["value": email])
        }
        phone(contacts.homePhone ?? "", at: field.child("homePhone"), mobile: false, into: &problems)
        phone(contacts.workPhone ?? "", at: field.child("workPhone"), mobile: false, into: &problems)
    }

    static func phone(_ text: String, at field: ContractField, mobile: Bool, into problems: inout ContractProblems) {
        let result = mobile ? RussianPhoneNumber.parseMobile(text) : RussianPhoneNumber.parse(text)
        guard case .failure(let problem) = result else { return }
        switch problem {
        case .empty: if mobile { problems.add(field, .required) }
        case .format: problems.add(field, .phoneInvalid, ["value": text])
        case .notMobile: problems.add(field, .phoneNotMobile, ["value": text])
        }
    }

    /// The registration address is always required with its «Индекс *»; the actual address only when
    /// «Фактический адрес совпадает с адресом регистрации» is off, and its index is optional (the seed's form
    /// shows none).
    static func validateAddresses(_ addresses: PersonAddresses, at field: ContractField,
                                  into problems: inout ContractProblems) {
        address(addresses.registration, at: field.child("registration"), postalCodeRequired: true, into: &problems)
        if !addresses.actualSameAsRegistration {
            address(addresses.actual ?? PostalAddress(), at: field.child("actual"), postalCodeRequired: false,
                    into: &problems)
        }
    }

    /// A Russian index is six digits; foreign postal codes vary, so only their shape is checked.
    static func address(_ address: PostalAddress, at field: ContractField, postalCodeRequired: Bool,
                        into problems: inout ContractProblems) {
        country(address.country, at: field.child("country"), into: &problems)
        if let line = problems.required(address.line, field.child("line")) {
            problems.limit(line, field.child("line"), max: maxAddressLength)
        }
        let codeField = field.child("postalCode")
        let code = (address.postalCode ?? "").trimmingCharacters(in: .whitespaces)
        if code.isEmpty {
            if postalCodeRequired { problems.add(codeField, .required) }
            return
        }
        if (Country.find(address.country)?.code ?? Country.russiaCode) == Country.russiaCode {
            if !isDigits(code, count: 6) { problems.add(codeField, .postalCodeRussia, ["value": code]) }
        } else if code.count > 10
                    || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }) {
            problems.add(codeField, .postalCodeForeign, ["value": code])
        }
    }

    /// «Да» to a tax question makes its TIN mandatory. A US TIN (SSN / ITIN / EIN) is nine digits; another
    /// country's TIN is letters and digits, and that country must be neither Russia nor the United States.
    static func validateTaxResidency(_ tax: TaxResidency, at field: ContractField,
                                     into problems: inout ContractProblems) {
        if tax.isUSTaxpayer {
            let number = (tax.usTIN?.number ?? "").trimmingCharacters(in: .whitespaces)
            let digits = number.filter { $0 != "-" && $0 != " " }
            if number.isEmpty {
                problems.add(field.child("usTIN").child("number"), .tinRequired)
            } else if !isDigits(digits, count: 9) {
                problems.add(field.child("usTIN").child("number"), .tinUSNumber, ["value": number])
            }
        }
        if tax.isOtherForeignTaxpayer {
            let tin = tax.otherTIN ?? ForeignTaxID()
            let countryField = field.child("otherTIN").child("country")
            country(tin.country, at: countryField, into: &problems)
            if let code = Country.find(tin.country)?.code,
               code == Country.russiaCode || code == Country.unitedStatesCode {
                problems.add(countryField, .tinCountryNotOther, ["value": code])
            }
            let number = tin.number.trimmingCharacters(in: .whitespaces)
            let numberField = field.child("otherTIN").child("number")
            if number.isEmpty {
                problems.add(numberField, .tinRequired)
            } else if number.count > maxTINLength
                        || !number.allSatisfy({ $0.isLetter || $0.isNumber || " -/.".contains($0) }) {
                problems.add(numberField, .tinNumber, ["value": number, "max": String(maxTINLength)])
            }
        }
    }
}
