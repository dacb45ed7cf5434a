import Foundation
import Testing
@testable import KabinetDomain

/// Seed 002 «Ограничения и особенности» and the profile's age line, as pure rules.
@Suite("Client base rules")
struct ClientRulesTests {
    @Test("«год / года / лет» for every ending", arguments: [
        (0, "лет"), (1, "год"), (2, "года"), (4, "года"), (5, "лет"), (11, "лет"), (12, "лет"), (14, "лет"),
        (21, "год"), (22, "года"), (25, "лет"), (34, "года"), (101, "год"), (111, "лет"), (112, "лет"), (122, "года"),
    ])
    func plural(count: Int, word: String) {
        #expect(ClientAge.russianYears(count) == word)
    }

    @Test("The seed's line: «34 года: 23.01.1986 г. р.», the age turning on the birthday itself")
    func ageLine() {
        // given
        let birth = CalendarDate(year: 1986, month: 1, day: 23)!
        // when / then
        #expect(ClientAge.russian(birthDate: birth, today: CalendarDate(year: 2020, month: 11, day: 27)!) == "34 года: 23.01.1986 г. р.")
        #expect(ClientAge.russian(birthDate: birth, today: CalendarDate(year: 2021, month: 1, day: 22)!) == "34 года: 23.01.1986 г. р.")
        #expect(ClientAge.russian(birthDate: birth, today: CalendarDate(year: 2021, month: 1, day: 23)!) == "35 лет: 23.01.1986 г. р.")
        #expect(ClientAge.russian(birthDate: birth, today: CalendarDate(year: 2007, month: 1, day: 23)!) == "21 год: 23.01.1986 г. р.")
    }

    @Test("Bound after a sale only when the phone was confirmed; once bound, always the first seller")
    func binding() {
        let first = UUID(), second = UUID()
        #expect(ClientRules.boundAgent(phoneConfirmed: true, current: nil, signedSales: [first, second]) == first)
        #expect(ClientRules.boundAgent(phoneConfirmed: false, current: nil, signedSales: [first]) == nil)
        #expect(ClientRules.boundAgent(phoneConfirmed: true, current: nil, signedSales: []) == nil)
        #expect(ClientRules.boundAgent(phoneConfirmed: true, current: second, signedSales: [first]) == second)
    }

    @Test("The lock applies to other agents only; deletion only of potential clients")
    func lockAndDeletion() {
        let bound = UUID(), other = UUID()
        #expect(ClientRules.lock(boundAgent: nil, for: other) == nil)
        #expect(ClientRules.lock(boundAgent: bound, for: bound) == nil)
        #expect(ClientRules.lock(boundAgent: bound, for: other) == .boundToAnotherAgent)
        #expect(ClientRules.deletion(hasSoldPolicy: false) == nil)
        #expect(ClientRules.deletion(hasSoldPolicy: true) == .policySold)
    }

    @Test("A person on a contract is the client when two of phone, name and birth date agree")
    func samePerson() {
        let birth = CalendarDate(year: 1986, month: 1, day: 23)!
        let name = "покин иван сергеевич"
        func same(_ phone: String?, _ person: String, _ born: CalendarDate?) -> Bool {
            ClientRules.samePerson(clientPhone: "9109370341", clientName: name, clientBirth: birth,
                                   personPhone: phone, personName: person, personBirth: born)
        }
        #expect(same(nil, name, birth))
        #expect(same("9109370341", "покин иван", birth))
        #expect(same("9109370341", name, nil))
        #expect(!same("9109370341", "покина мария ивановна", CalendarDate(year: 2015, month: 3, day: 1)!))
        #expect(!same(nil, name, CalendarDate(year: 1990, month: 1, day: 1)!))
    }

    @Test("The sex from the patronymic, when it tells", arguments: [
        ("Сергеевич", Sex?.some(.male)), ("Ильич", .male), ("Сергеевна", .female), ("Ильинична", .female),
        ("Кузьминична", .female), ("Мамед оглы", .male), ("", nil), ("Smith", nil),
    ])
    func sex(middleName: String, expected: Sex?) {
        #expect(ClientRules.sex(fromMiddleName: middleName) == expected)
    }
}
