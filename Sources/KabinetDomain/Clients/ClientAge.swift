import Foundation

/// The profile's «34 года: 23.01.1986 г. р.»: the age with the Russian plural of «год», then the birth date.
/// Pure, with «today» passed in, so the boundary of a birthday is tested exactly.
public enum ClientAge {
    /// «год», «года» or «лет» for `count`: 1, 21, 101 → «год»; 2–4, 22–24 → «года»; 0, 5–20, 25–30, 111–114 → «лет».
    public static func russianYears(_ count: Int) -> String {
        let lastTwo = abs(count) % 100
        let last = abs(count) % 10
        if (11...14).contains(lastTwo) { return "лет" }
        switch last {
        case 1: return "год"
        case 2, 3, 4: return "года"
        default: return "лет"
        }
    }

    /// «34 года: 23.01.1986 г. р.» — exactly the seed's profile line.
    public static func russian(birthDate: CalendarDate, today: CalendarDate) -> String {
        let age = birthDate.age(on: today)
        return "\(age) \(russianYears(age)): \(birthDate.russian) г. р."
    }

    /// "34 years: born 23.01.1986" for the English interface.
    public static func english(birthDate: CalendarDate, today: CalendarDate) -> String {
        let age = birthDate.age(on: today)
        return "\(age) \(age == 1 ? "year" : "years"): born \(birthDate.russian)"
    }
}
