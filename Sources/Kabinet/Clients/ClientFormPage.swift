import Foundation
import KabinetDomain
import Vapor

/// Renders the client form: the seed's fields, «Добавить клиента с телефоном» with «Подтвердить», the SMS code
/// field once a code went out, and the seed's explanation of binding and commission.
enum ClientFormPage {
    struct Content: Encodable {
        var form: ClientForm
        /// Where the form posts: `/clients` or `/clients/<id>`.
        var action: String
        var back: String
        var documentKinds: [SelectOption]
        var errors: [String: String]
        /// «Код отправлен на …»: shown after «Подтвердить».
        var notice: String?
        /// The SMS code field is shown: a code went out, or one was typed.
        var askCode: Bool
        /// The client's phone is confirmed already and unchanged: no code needed.
        var phoneConfirmed: Bool
        var isEdit: Bool
    }

    static func render(_ req: Request, form: ClientForm, client: VisibleClient?, errors: [String: String] = [:],
                       notice: String? = nil, askCode: Bool = false, status: HTTPStatus = .ok) async throws -> Response {
        let english = req.locale == "en"
        let kinds = ClientDocumentKind.allCases.map {
            SelectOption(value: $0.rawValue, label: english ? $0.englishName : $0.russianName,
                         selected: $0.rawValue == form.documentKind)
        }
        let confirmed = client.map { isConfirmed(form, client: $0.client) } ?? false
        let path = client.map { "/clients/\($0.id)" } ?? "/clients"
        let content = Content(
            form: form, action: path, back: client == nil ? "/clients" : path, documentKinds: kinds, errors: errors,
            notice: notice, askCode: !confirmed && form.withPhone != nil && (askCode || !(form.code ?? "").isEmpty || errors["code"] != nil),
            phoneConfirmed: confirmed, isEdit: client != nil)
        return try await req.page("clients/form", title: client == nil ? "clients.add" : "clients.edit", content, status: status)
    }

    /// The typed phone is the client's confirmed one, so saving needs no new code.
    static func isConfirmed(_ form: ClientForm, client: ClientRecord) -> Bool {
        guard form.withPhone != nil, let stored = client.phone, client.phoneConfirmedAt != nil,
              let typed = RussianPhoneNumber(form.phone ?? "") else { return false }
        return typed.nationalDigits == stored
    }
}
