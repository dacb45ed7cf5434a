import Foundation

/// A person on a contract — an insured («Застрахованный») or a separate policyholder («Страхователь») — with
/// every field of the seed's «Заполнение личных данных клиента» screen.
///
/// Values are as entered: text stays text so a wrong series or phone can be shown back to the agent as typed,
/// next to its message. Dates and choices are typed (`CalendarDate?`, `Sex?`); nil means "not entered".
/// `ContractPersonValidator` lists everything that is wrong; the app saves a «Проект» only when it lists nothing.
public struct ContractPerson: Sendable, Hashable, Codable {
    /// «Фамилия *».
    public var lastName: String
    /// «Имя *».
    public var firstName: String
    /// «Отчество» — optional: many foreign citizens have none.
    public var middleName: String?
    public var sex: Sex?
    /// «Дата рождения *».
    public var birthDate: CalendarDate?
    /// «Место рождения *», free text as in the passport ("село Приморское").
    public var birthPlace: String
    /// «Гражданство»: ISO code from `Country.all`; decides which documents are required.
    public var citizenship: String
    /// «ПДЛ» — a politically exposed person; anti-money-laundering rules (115-ФЗ) need the answer recorded.
    public var isPEP: Bool
    public var documents: PersonDocuments
    public var taxResidency: TaxResidency
    public var contacts: ContactDetails
    public var addresses: PersonAddresses

    public init(lastName: String = "", firstName: String = "", middleName: String? = nil, sex: Sex? = nil,
                birthDate: CalendarDate? = nil, birthPlace: String = "", citizenship: String = Country.russiaCode,
                isPEP: Bool = false, documents: PersonDocuments = PersonDocuments(),
                taxResidency: TaxResidency = .none, contacts: ContactDetails = ContactDetails(),
                addresses: PersonAddresses = PersonAddresses()) {
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.sex = sex
        self.birthDate = birthDate
        self.birthPlace = birthPlace
        self.citizenship = citizenship
        self.isPEP = isPEP
        self.documents = documents
        self.taxResidency = taxResidency
        self.contacts = contacts
        self.addresses = addresses
    }

    /// Russian citizens show the Russian passport; anyone else the foreign passport and a stay document.
    /// A blank citizenship counts as Russian (the form's default), so an untouched form asks for the passport.
    public var isForeignCitizen: Bool {
        let code = citizenship.trimmingCharacters(in: .whitespaces).uppercased()
        return !code.isEmpty && code != Country.russiaCode
    }

    /// «Иванов Юрий Германович» — how the card, the list («ФИО страхователя») and the documents name the person.
    public var fullName: String {
        [lastName, firstName, middleName ?? ""]
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}
