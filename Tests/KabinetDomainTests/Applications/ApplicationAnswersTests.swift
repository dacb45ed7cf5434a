import Foundation
import KabinetDomain
import Testing

@Suite("Application answers")
struct ApplicationAnswersTests {
    let fields = [
        ApplicationField(key: "reason", label: "Причина", kind: .choice, required: true, options: ["Брак", "Ошибка"]),
        ApplicationField(key: "since", label: "С какой даты", kind: .date),
        ApplicationField(key: "note", label: "Комментарий", kind: .text),
        ApplicationField(key: "scan", label: "Скан", kind: .file, required: true),
    ]

    @Test("Good answers are stored trimmed, dates as ISO")
    func good() {
        // when
        let result = ApplicationAnswersValidator.validate(
            fields, values: ["reason": "Брак", "since": "09.02.2024", "note": "  срочно "], files: ["scan"])
        // then
        #expect(result.errors.isEmpty)
        #expect(result.answers == ["reason": "Брак", "since": "2024-02-09", "note": "срочно"])
    }

    @Test("Every bad answer gets its own message")
    func bad() {
        // when
        let result = ApplicationAnswersValidator.validate(
            fields, values: ["reason": "Развод", "since": "31.02.2024", "note": String(repeating: "a", count: 2001)], files: [])
        // then
        #expect(result.errors.map(\.field) == ["reason", "since", "note", "scan"])
        #expect(result.errors.map(\.key) == [
            "applications.field.bad_choice", "applications.field.bad_date", "applications.field.too_long",
            "applications.field.required",
        ])
    }

    @Test("A missing required choice says «required», not «bad choice»")
    func missingRequired() {
        let result = ApplicationAnswersValidator.validate(fields, values: [:], files: ["scan"])
        #expect(result.errors == [FieldError(field: "reason", key: "applications.field.required")])
    }
}
