import Foundation

/// A country for «Гражданство», an address, a foreign passport or a foreign TIN, by its ISO 3166-1 alpha-2 code.
///
/// The code is what is stored and sent through the API (names change, codes do not); the Russian name is what
/// the agent picks from the dropdown. The list is data: the dropdown offers exactly these countries and the
/// validators accept exactly these codes, so what can be chosen and what is accepted never drift apart.
/// Extend `Country.all` to offer more.
public struct Country: Sendable, Hashable, Codable, Identifiable {
    /// ISO 3166-1 alpha-2, upper case: "RU".
    public let code: String
    public let russianName: String
    public let englishName: String

    public var id: String { code }

    public init(code: String, russianName: String, englishName: String) {
        self.code = code
        self.russianName = russianName
        self.englishName = englishName
    }

    /// The code of Russia, the default citizenship and address country.
    public static let russiaCode = "RU"
    /// The code of the United States, for «Является налогоплательщиком США?».
    public static let unitedStatesCode = "US"

    /// The country with this code (case-insensitive), nil for a code not on the list.
    public static func find(_ code: String) -> Country? {
        byCode[code.trimmingCharacters(in: .whitespaces).uppercased()]
    }

    public static func isKnown(_ code: String) -> Bool { find(code) != nil }

    /// The display name, or the code itself when the country is not on the list.
    public static func name(of code: String, language: MessageLanguage) -> String {
        guard let country = find(code) else { return code }
        return language == .ru ? country.russianName : country.englishName
    }

    private static let byCode: [String: Country] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// Russia first, then the CIS and the countries agents meet most often, then the rest alphabetically in
    /// Russian, as a dropdown shows them.
    public static let all: [Country] = [
        Country(code: "RU", russianName: "Россия", englishName: "Russia"),
        Country(code: "BY", russianName: "Беларусь", englishName: "Belarus"),
        Country(code: "KZ", russianName: "Казахстан", englishName: "Kazakhstan"),
        Country(code: "UZ", russianName: "Узбекистан", englishName: "Uzbekistan"),
        Country(code: "TJ", russianName: "Таджикистан", englishName: "Tajikistan"),
        Country(code: "KG", russianName: "Киргизия", englishName: "Kyrgyzstan"),
        Country(code: "AM", russianName: "Армения", englishName: "Armenia"),
        Country(code: "AZ", russianName: "Азербайджан", englishName: "Azerbaijan"),
        Country(code: "UA", russianName: "Украина", englishName: "Ukraine"),
        Country(code: "MD", russianName: "Молдова", englishName: "Moldova"),
        Country(code: "GE", russianName: "Грузия", englishName: "Georgia"),
        Country(code: "TM", russianName: "Туркменистан", englishName: "Turkmenistan"),
        Country(code: "AU", russianName: "Австралия", englishName: "Australia"),
        Country(code: "AT", russianName: "Австрия", englishName: "Austria"),
        Country(code: "AL", russianName: "Албания", englishName: "Albania"),
        Country(code: "DZ", russianName: "Алжир", englishName: "Algeria"),
        Country(code: "GB", russianName: "Великобритания", englishName: "United Kingdom"),
        Country(code: "BR", russianName: "Бразилия", englishName: "Brazil"),
        Country(code: "VN", russianName: "Вьетнам", englishName: "Vietnam"),
        Country(code: "DE", russianName: "Германия", englishName: "Germany"),
        Country(code: "GR", russianName: "Греция", englishName: "Greece"),
        Country(code: "EG", russianName: "Египет", englishName: "Egypt"),
        Country(code: "IL", russianName: "Израиль", englishName: "Israel"),
        Country(code: "IN", russianName: "Индия", englishName: "India"),
        Country(code: "IR", russianName: "Иран", englishName: "Iran"),
        Country(code: "ES", russianName: "Испания", englishName: "Spain"),
        Country(code: "IT", russianName: "Италия", englishName: "Italy"),
        Country(code: "CA", russianName: "Канада", englishName: "Canada"),
        Country(code: "CY", russianName: "Кипр", englishName: "Cyprus"),
        Country(code: "CN", russianName: "Китай", englishName: "China"),
        Country(code: "KP", russianName: "КНДР", englishName: "North Korea"),
        Country(code: "CU", russianName: "Куба", englishName: "Cuba"),
        Country(code: "LV", russianName: "Латвия", englishName: "Latvia"),
        Country(code: "LT", russianName: "Литва", englishName: "Lithuania"),
        Country(code: "MN", russianName: "Монголия", englishName: "Mongolia"),
        Country(code: "NL", russianName: "Нидерланды", englishName: "Netherlands"),
        Country(code: "AE", russianName: "Объединенные Арабские Эмираты", englishName: "United Arab Emirates"),
        Country(code: "PL", russianName: "Польша", englishName: "Poland"),
        Country(code: "KR", russianName: "Республика Корея", englishName: "South Korea"),
        Country(code: "RS", russianName: "Сербия", englishName: "Serbia"),
        Country(code: "SY", russianName: "Сирия", englishName: "Syria"),
        Country(code: "US", russianName: "Соединенные Штаты Америки", englishName: "United States"),
        Country(code: "TH", russianName: "Таиланд", englishName: "Thailand"),
        Country(code: "TR", russianName: "Турция", englishName: "Turkey"),
        Country(code: "FI", russianName: "Финляндия", englishName: "Finland"),
        Country(code: "FR", russianName: "Франция", englishName: "France"),
        Country(code: "CZ", russianName: "Чехия", englishName: "Czechia"),
        Country(code: "CH", russianName: "Швейцария", englishName: "Switzerland"),
        Country(code: "EE", russianName: "Эстония", englishName: "Estonia"),
        Country(code: "JP", russianName: "Япония", englishName: "Japan"),
    ]
}
