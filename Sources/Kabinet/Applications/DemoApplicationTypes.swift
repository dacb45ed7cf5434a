import Fluent
import Foundation
import KabinetDomain
import Vapor

/// The application types of a fresh install, so the section works at once: the change of personal data the seed's
/// FAQ sends agents to («Следует оформить заявление на изменение персональных данных»), a cancellation request
/// and a request for duplicate documents — each open to different sales channels, to show that availability
/// «зависит от канала продаж».
enum DemoApplicationTypes {
    static let personalData = "Изменение персональных данных"
    static let cancellation = "Заявление на расторжение"
    static let duplicate = "Запрос дубликата документов"

    static func load(into app: Application) async throws {
        let channels = try await SalesChannel.query(on: app.db).all()
        let ids = { (codes: [String]) in channels.filter { codes.contains($0.code) }.compactMap(\.id) }
        let types: [(String, String, [String], ApplicationEffect)] = [
            (personalData, """
                last_name | Новая фамилия | text
                first_name | Новое имя | text
                middle_name | Новое отчество | text
                email | Новый e-mail | text
                mobile | Новый мобильный телефон | text
                registration_address | Новый адрес регистрации | text
                reason | Причина изменения | choice | * | Смена фамилии (брак, развод); Ошибка при оформлении; Смена контактов; Переезд
                document | Скан подтверждающего документа | file | *
                """, ["DSF", "CUP", "CKP"], .personalData),
            (cancellation, """
                reason | Причина расторжения | choice | * | По желанию клиента; Финансовые трудности; Другое
                termination_date | Желаемая дата расторжения | date | *
                bank_details | Реквизиты для возврата (банк, БИК, счёт) | text
                signed_application | Скан заявления клиента с подписью | file | *
                """, ["DSF", "CUP"], .none),
            (duplicate, """
                documents | Какие документы | choice | * | Полис; Памятка; Полис и памятка
                delivery | Способ получения | choice | * | На e-mail клиента; В офис агента
                comment | Комментарий | text
                power_of_attorney | Доверенность, если получает представитель | file
                """, ["DSF"], .none),
        ]
        let rows = try types.map { name, schema, codes, effect in
            ApplicationType(name: name, fields: try ApplicationSchemaText.parse(schema).get(), channelIDs: ids(codes),
                            effect: effect, signedOnly: true)
        }
        try await app.db.transaction { db in
            for row in rows { try await row.create(on: db) }
        }
    }
}

extension ApplicationSchemaText.Problems: CustomStringConvertible {
    public var description: String { items.map { "line \($0.line): \($0.key)" }.joined(separator: ", ") }
}
