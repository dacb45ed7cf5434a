import Foundation

/// The «Добавление клиента» / «Редактирование профиля клиента» form as typed: text stays text, so a wrong value
/// is shown back next to its message.
public struct ClientInput: Sendable, Hashable {
    public var lastName: String
    public var firstName: String
    public var middleName: String
    public var birthDate: String
    public var email: String
    /// `ClientDocumentKind` raw value, or empty for «Выберите документ».
    public var documentKind: String
    public var documentNumber: String
    public var documentIssueDate: String
    /// «Добавить клиента с телефоном» ticked.
    public var withPhone: Bool
    public var phone: String
    /// The agent's own «Комментарий» (each agent keeps their own).
    public var comment: String

    public init(lastName: String = "", firstName: String = "", middleName: String = "", birthDate: String = "",
                email: String = "", documentKind: String = "", documentNumber: String = "",
                documentIssueDate: String = "", withPhone: Bool = false, phone: String = "", comment: String = "") {
        self.lastName = lastName
        self.firstName = firstName
        self.middleName = middleName
        self.birthDate = birthDate
        self.email = email
        self.documentKind = documentKind
        self.documentNumber = documentNumber
        self.documentIssueDate = documentIssueDate
        self.withPhone = withPhone
        self.phone = phone
        self.comment = comment
    }
}

/// A valid client, normalised for storage: names trimmed, dates typed, the phone as its ten national digits.
public struct ClientDetails: Sendable, Hashable {
    public var lastName: String
    public var firstName: String
    public var middleName: String
    public var birthDate: CalendarDate
    public var email: String
    public var document: ClientDocument?
    /// Present when «Добавить клиента с телефоном» is ticked; it is stored only once confirmed by the SMS code.
    public var phone: RussianPhoneNumber?
    public var comment: String

    /// «Покин Иван Сергеевич».
    public var fullName: String { [lastName, firstName, middleName].joined(separator: " ") }

    /// The indexed search form of the name (`SearchText.normalize`), also the name half of the identity.
    public var searchName: String { SearchText.normalize(fullName) }
}

/// The one identity document of a client: kind, «Серия и номер», «Дата выдачи документа».
public struct ClientDocument: Sendable, Hashable {
    public var kind: ClientDocumentKind
    public var number: String
    public var issueDate: CalendarDate?

    public init(kind: ClientDocumentKind, number: String, issueDate: CalendarDate?) {
        self.kind = kind
        self.number = number
        self.issueDate = issueDate
    }

    /// "passport:1010101010": what two records must share to be the same person's document.
    public var key: String { kind.rawValue + ":" + number.filter { $0.isLetter || $0.isNumber } }
}
