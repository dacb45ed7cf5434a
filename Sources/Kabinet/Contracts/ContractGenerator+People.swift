import Foundation
import KabinetDomain

/// Russian people for generated contracts: surnames in both genders' forms, given names and patronymics, some
/// with «ё», so the name search meets what real data has (Семёнова, Артёмович, Алёна).
enum GeneratedPeople {
    /// Male forms; the female form is derived (`feminine`).
    static let surnames = [
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров",
        "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев",
        "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
        "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров", "Дмитриев", "Королёв", "Гусев", "Киселёв",
        "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов",
        "Жуков", "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров",
        "Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов",
        "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
        "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв", "Быков", "Маслов",
        "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Пономарёв", "Голубев", "Кудрявцев", "Прохоров",
        "Толстой", "Горький", "Невский", "Шевченко", "Ткаченко", "Бондаренко", "Мамин-Сибиряк", "Ким", "Пак", "Ли",
    ]
    static let maleNames = [
        "Александр", "Алексей", "Андрей", "Артём", "Борис", "Вадим", "Виктор", "Владимир", "Дмитрий", "Евгений",
        "Иван", "Игорь", "Кирилл", "Константин", "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел",
        "Пётр", "Роман", "Сергей", "Семён", "Степан", "Фёдор", "Юрий", "Ярослав", "Гарант", "Стас",
    ]
    static let femaleNames = [
        "Александра", "Алёна", "Анастасия", "Анна", "Валентина", "Виктория", "Галина", "Дарья", "Евгения", "Екатерина",
        "Елена", "Ирина", "Ксения", "Лариса", "Любовь", "Марина", "Мария", "Наталья", "Ольга", "Полина",
        "Светлана", "Софья", "Татьяна", "Юлия", "Фёкла", "Серафима",
    ]
    /// Fathers' names the patronymics are made of.
    static let fathers = [
        ("Александр", "Александрович", "Александровна"), ("Алексей", "Алексеевич", "Алексеевна"),
        ("Андрей", "Андреевич", "Андреевна"), ("Артём", "Артёмович", "Артёмовна"), ("Иван", "Иванович", "Ивановна"),
        ("Дмитрий", "Дмитриевич", "Дмитриевна"), ("Сергей", "Сергеевич", "Сергеевна"), ("Фёдор", "Фёдорович", "Фёдоровна"),
        ("Пётр", "Петрович", "Петровна"), ("Семён", "Семёнович", "Семёновна"), ("Юрий", "Юрьевич", "Юрьевна"),
        ("Николай", "Николаевич", "Николаевна"), ("Михаил", "Михайлович", "Михайловна"), ("Олег", "Олегович", "Олеговна"),
        ("Герман", "Германович", "Германовна"), ("Владимир", "Владимирович", "Владимировна"),
    ]

    /// «Иванов» → «Иванова», «Толстой» → «Толстая»; names that do not change (Шевченко, Ким) stay as they are.
    static func feminine(_ surname: String) -> String {
        if surname.hasSuffix("ов") || surname.hasSuffix("ёв") || surname.hasSuffix("ев") || surname.hasSuffix("ин")
            || surname.hasSuffix("ын")
        {
            return surname + "а"
        }
        if surname.hasSuffix("ой") || surname.hasSuffix("ий") { return String(surname.dropLast(2)) + "ая" }
        return surname
    }

    struct Person {
        var lastName: String
        var firstName: String
        var middleName: String?
        var sex: Sex
        var fullName: String { [lastName, firstName, middleName].compactMap { $0 }.joined(separator: " ") }
    }

    static func person(_ random: inout SplitMix64) -> Person {
        let male = random.chance(0.48)
        let surname = random.pick(surnames)
        let father = random.pick(fathers)
        return Person(
            lastName: male ? surname : feminine(surname),
            firstName: male ? random.pick(maleNames) : random.pick(femaleNames),
            middleName: random.chance(0.97) ? (male ? father.1 : father.2) : nil,
            sex: male ? .male : .female)
    }
}

/// A small, seeded, fast generator: the same seed gives the same contracts, which tests and benchmarks rely on.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }

    /// An item chosen with the given weights.
    mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        var roll = Int.random(in: 0..<items.reduce(0) { $0 + $1.1 }, using: &self)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }
}
