import Foundation
import Testing
@testable import KabinetDomain

/// Dates without time zones: parsing, day arithmetic, full-year ages.
@Suite struct CalendarDateTests {
    @Test func parsesBothFormsAndRejectsImpossibleDates() {
        #expect(CalendarDate("09.02.2024") == CalendarDate(year: 2024, month: 2, day: 9))
        #expect(CalendarDate("2024-02-09") == CalendarDate(year: 2024, month: 2, day: 9))
        for bad in ["31.02.2024", "29.02.2023", "2024-13-01", "9.2.2024", "2024/02/09", "", "aa.bb.cccc", "00.01.2024"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
        #expect(CalendarDate("29.02.2024") != nil)
    }

    @Test func textForms() {
        let date = CalendarDate.d("2024-02-09")
        #expect(date.iso == "2024-02-09")
        #expect(date.russian == "09.02.2024")
    }

    @Test func dayNumbersRoundTrip() {
        #expect(CalendarDate.d("1970-01-01").dayNumber == 0)
        #expect(CalendarDate.d("2000-03-01").dayNumber == 11_017)
        var random = PricingRandom(seed: 11)
        for _ in 0..<2000 {
            let number = Int.random(in: -700_000...2_900_000, using: &random)
            #expect(CalendarDate(dayNumber: number).dayNumber == number)
        }
        #expect(CalendarDate.d("28.02.2024").adding(days: 1) == .d("29.02.2024"))
        #expect(CalendarDate.d("31.12.2023").adding(days: 1) == .d("01.01.2024"))
        #expect(CalendarDate.d("01.02.2024").days(until: .d("02.03.2024")) == 30)
    }

    @Test func agesInFullYears() {
        let birth = CalendarDate.d("01.01.1992")
        #expect(birth.age(on: .d("09.02.2024")) == 32)
        #expect(birth.age(on: .d("31.12.2023")) == 31)
        #expect(birth.age(on: .d("01.01.2024")) == 32)
        #expect(birth.age(on: birth) == 0)
        #expect(birth.age(on: .d("31.12.1991")) == -1)
        // 29 February: the birthday counts on 28 February in a common year.
        let leap = CalendarDate.d("29.02.2008")
        #expect(leap.age(on: .d("27.02.2026")) == 17)
        #expect(leap.age(on: .d("28.02.2026")) == 18)
        #expect(leap.age(on: .d("29.02.2028")) == 20)
    }

    @Test func addingYearsForContractEnd() {
        #expect(CalendarDate.d("21.10.2022").adding(years: 5).adding(days: -1) == .d("20.10.2027"))
        #expect(CalendarDate.d("29.02.2024").adding(years: 1) == .d("28.02.2025"))
    }

    @Test func todayInMoscow() {
        // 2024-02-08 22:30 UTC is already 9 February in Moscow (UTC+3).
        let instant = Date(timeIntervalSince1970: 1_707_431_400)
        #expect(CalendarDate(instant) == .d("09.02.2024"))
        #expect(CalendarDate(instant, timeZone: TimeZone(secondsFromGMT: 0)!) == .d("08.02.2024"))
    }

    @Test func jsonUsesISO() throws {
        let data = try JSONEncoder().encode([CalendarDate.d("09.02.2024")])
        #expect(String(decoding: data, as: UTF8.self) == #"["2024-02-09"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [.d("09.02.2024")])
    }
}
