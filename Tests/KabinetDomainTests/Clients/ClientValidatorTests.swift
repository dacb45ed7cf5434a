import Foundation
import Testing
@testable import KabinetDomain

/// «Добавление клиента»: the starred fields, the optional document, the phone when «с телефоном» is ticked.
@Suite("Client form validation")
struct ClientValidatorTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    static func valid(_ change: (inout ClientInput) -> Void = { _ in }) -> ClientInput {
        var input = ClientInput(lastName: " Покин ", firstName: "Иван", middleName: "Сергеевич", birthDate: "23.01.1986",
                                email: "pokin@mail.ru", documentKind: "passport", documentNumber: "4510123456",
                                documentIssueDate: "2006-02-01", withPhone: true, phone: "8 (910) 937-03-41", comment: "звонить вечером")
        change(&input)
        return input
    }

    @Test("A full form: trimmed names, typed dates, the passport as «4510 123456», the phone's digits")
    func valid() throws {
        // when
        let details = try ClientValidator.validate(Self.valid(), today: Self.today).get()
        // then
        #expect(details.fullName == "Покин Иван Сергеевич")
        #expect(details.searchName == "покин иван сергеевич")
        #expect(details.birthDate == CalendarDate(year: 1986, month: 1, day: 23))
        #expect(details.document == ClientDocument(kind: .russianPassport, number: "4510 123456",
                                                   issueDate: CalendarDate(year: 2006, month: 2, day: 1)))
        #expect(details.phone?.nationalDigits == "9109370341")
        #expect(details.comment == "звонить вечером")
    }

    @Test("Without a phone and a document only the starred fields matter")
    func minimal() throws {
        let input = Self.valid { $0.withPhone = false; $0.phone = "garbage"; $0.documentKind = ""; $0.documentNumber = ""; $0.documentIssueDate = "" }
        let details = try ClientValidator.validate(input, today: Self.today).get()
        #expect(details.phone == nil && details.document == nil)
    }

    @Test("Every bad field gets its own message, all at once")
    func everyProblem() {
        // given
        let input = ClientInput(lastName: "", firstName: "Ив4н", middleName: " ", birthDate: "31.02.1986", email: "pokin@",
                                documentKind: "passport", documentNumber: "12 34", documentIssueDate: "01.01.2030",
                                withPhone: true, phone: "+7 (495) 123-45-67")
        // when
        guard case .failure(let rejection) = ClientValidator.validate(input, today: Self.today) else {
            Issue.record("accepted"); return
        }
        // then
        let byField = Dictionary(rejection.errors.map { ($0.field, $0.key) }, uniquingKeysWith: { a, _ in a })
        #expect(byField == [
            "lastName": "clients.error.required", "firstName": "clients.error.name", "middleName": "clients.error.required",
            "birthDate": "clients.error.date", "email": "clients.error.email", "documentNumber": "clients.error.passport_number",
            "documentIssueDate": "clients.error.issue_future", "phone": "clients.error.phone_mobile",
        ])
    }

    @Test("Dates: not in the future, not before 1900; a document not issued before birth")
    func dates() {
        func fields(_ change: (inout ClientInput) -> Void) -> [String] {
            guard case .failure(let rejection) = ClientValidator.validate(Self.valid(change), today: Self.today) else { return [] }
            return rejection.fields
        }
        #expect(fields { $0.birthDate = "24.11.2026"; $0.documentIssueDate = "" } == ["birthDate"])
        #expect(fields { $0.birthDate = "31.12.1899" } == ["birthDate"])
        #expect(fields { $0.documentIssueDate = "01.01.1980" } == ["documentIssueDate"])
        #expect(fields { $0.documentKind = ""; $0.documentNumber = "4510123456" } == ["documentKind"])
        #expect(fields { $0.documentKind = "driver" } == ["documentKind"])
        #expect(fields { $0.withPhone = true; $0.phone = "+7" } == ["phone"])
    }
}
