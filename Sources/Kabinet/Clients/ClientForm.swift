import Foundation
import KabinetDomain
import Vapor

/// «Добавление клиента» / «Редактирование профиля клиента» as posted, every field as typed.
struct ClientForm: Content {
    var lastName: String?
    var firstName: String?
    var middleName: String?
    var birthDate: String?
    var email: String?
    var documentKind: String?
    var documentNumber: String?
    var documentIssueDate: String?
    /// «Добавить клиента с телефоном»: "1" when ticked.
    var withPhone: String?
    var phone: String?
    /// The SMS code the client read out.
    var code: String?
    var comment: String?
    /// "confirm" for «Подтвердить» (send the code), anything else for «Сохранить данные».
    var step: String?

    var isConfirmStep: Bool { step == "confirm" }

    var input: ClientInput {
        ClientInput(
            lastName: lastName ?? "", firstName: firstName ?? "", middleName: middleName ?? "",
            birthDate: birthDate ?? "", email: email ?? "", documentKind: documentKind ?? "",
            documentNumber: documentNumber ?? "", documentIssueDate: documentIssueDate ?? "",
            withPhone: withPhone != nil, phone: phone ?? "", comment: comment ?? "")
    }

    /// The form filled from a stored client, with the actor's own comment.
    init(_ client: ClientRecord, comment: String?) {
        lastName = client.lastName
        firstName = client.firstName
        middleName = client.middleName
        birthDate = client.birth?.russian
        email = client.email
        documentKind = client.documentKind
        documentNumber = client.documentNumber
        documentIssueDate = client.documentIssueDate.flatMap(CalendarDate.init)?.russian
        withPhone = client.phone == nil ? nil : "1"
        phone = client.phoneNumber?.formatted
        self.comment = comment
    }

    init() {}
}

extension [FieldError] {
    /// Domain errors as the web's field problems; arguments are named "0", "1"… in the order of the text's {0}, {1}.
    var problems: [FieldProblem] {
        map { error in
            FieldProblem(field: error.field, key: error.key,
                         arguments: error.arguments.sorted { $0.key < $1.key }.map(\.value))
        }
    }
}
