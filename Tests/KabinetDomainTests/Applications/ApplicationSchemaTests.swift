import Foundation
import KabinetDomain
import Testing

@Suite("Application type fields")
struct ApplicationSchemaTests {
    @Test("Lines become fields and format back to the same text")
    func roundTrip() throws {
        // given
        let text = """
            last_name | Новая фамилия | text | *
            changed_on | Дата изменения | date
            reason | Причина | choice | * | Брак; Ошибка в договоре
            scan | Скан паспорта | file | *
            """
        // when
        let fields = try ApplicationSchemaText.parse(text).get()
        // then
        #expect(fields.map(\.key) == ["last_name", "changed_on", "reason", "scan"])
        #expect(fields[0].required && !fields[1].required)
        #expect(fields[2].options == ["Брак", "Ошибка в договоре"])
        #expect(fields[3].kind == .file)
        #expect(try ApplicationSchemaText.parse(ApplicationSchemaText.format(fields)).get() == fields)
    }

    @Test("Every wrong line is reported with its number")
    func problems() {
        // given
        let text = "Фамилия | Новая фамилия\nreason | Причина | choice\nx | Икс | number\nx | Икс\ny | Игрек | text | yes\nz |"
        // when
        let result = ApplicationSchemaText.parse(text)
        // then
        guard case .failure(let problems) = result else { Issue.record("accepted"); return }
        #expect(problems.items == [
            .init(line: 1, key: "applications.schema.bad_key"),
            .init(line: 2, key: "applications.schema.no_options"),
            .init(line: 3, key: "applications.schema.bad_kind"),
            .init(line: 5, key: "applications.schema.bad_required"),
            .init(line: 6, key: "applications.schema.no_label"),
        ])
    }

    @Test("A duplicate key and an empty schema are refused")
    func duplicateAndEmpty() {
        #expect(ApplicationSchemaText.parse("a | A\na | B") == .failure(.init([.init(line: 2, key: "applications.schema.duplicate_key")])))
        #expect(ApplicationSchemaText.parse("  \n") == .failure(.init([.init(line: 1, key: "applications.schema.empty")])))
    }
}
