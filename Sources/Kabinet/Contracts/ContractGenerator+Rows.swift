import Foundation
import KabinetDomain
import SQLKit

/// One generated contract as the values of an INSERT: plausible statuses for its age, money within the product's
/// limits, a whole `ContractData` document, and `policyholder_search` exactly as the form would store it.
struct GeneratedContractFactory {
    static let columns = [
        "id", "number", "owner_id", "agency_id", "office_id", "channel_id", "agreement_id", "product_code", "product_name",
        "product_version", "status", "payment_status", "erroneous_from", "work_required", "work_text", "policyholder_name",
        "policyholder_search", "insured_count", "premium_minor", "currency", "frequency", "sum_insured_minor", "start_date",
        "end_date", "issued_at", "paid_at", "paid_amount_minor", "data", "created_at", "updated_at",
    ]

    static let workTexts = [
        "Загрузить скан подписанного заявления", "Уточнить адрес регистрации", "Приложить копию паспорта",
        "Исправить дату рождения застрахованного", "Подтвердить e-mail клиента",
    ]

    let sellers: [(GeneratedSellers.Seller, Int)]
    let products: [(ProductDefinition, Int)]
    var random: SplitMix64
    /// The UTC instant of each Moscow midnight, today first.
    let dayStarts: [Date]
    let now: Date
    /// How many rows this run makes, and how many are made so far: the run's rows are issued in their order.
    let total: Int
    private var made = 0
    private let encoder: JSONEncoder

    init(sellers: GeneratedSellers, products: [ProductDefinition], random: SplitMix64, days: Int, now: Date, total: Int) {
        self.sellers = sellers.all.map { ($0, $0.weight) }
        // Earlier products in the catalog sell more, as the first tiles do.
        self.products = products.enumerated().map { ($1, max(1, 30 - 2 * $0)) }
        self.random = random
        self.now = now
        self.total = max(1, total)
        let today = CalendarDate(now, timeZone: MoscowTime.zone)
        dayStarts = (0..<max(1, days)).map { MoscowTime.start(of: today.adding(days: -$0)) }
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    mutating func row(number: String) throws -> [any SQLExpression] {
        let seller = random.weighted(sellers)
        let product = random.weighted(products)
        let (issuedAt, age) = nextIssue()
        let state = self.state(ageInDays: age)
        let person = GeneratedPeople.person(&random)
        // One contract in ten covers a second person as well.
        let people = random.chance(0.1) ? [person, GeneratedPeople.person(&random)] : [person]
        let frequency = random.pick(product.frequencies.isEmpty ? [.annual] : product.frequencies)
        let term = random.pick(product.terms.isEmpty ? [5] : product.terms)
        let premium = premiumMinor(product, frequency)
        let issuedDay = CalendarDate(issuedAt, timeZone: MoscowTime.zone)
        let start = issuedDay.adding(days: Int.random(in: 1...10, using: &random))
        let end = start.adding(years: term).adding(days: -1)
        let paidAt = state.payment == .paid ? issuedAt.addingTimeInterval(Double(Int.random(in: 600..<5 * 86_400, using: &random))) : nil
        let data = try document(people, product: product, start: start, frequency: frequency, term: term, premium: premium)
        let values: [(any Encodable & Sendable)?] = [
            UUID(), number, seller.id, seller.agency, seller.office, seller.channel,
            seller.agreements.isEmpty ? nil : random.pick(seller.agreements), product.code, product.name, product.version,
            state.status.rawValue, state.payment.rawValue, state.erroneousFrom?.rawValue, state.isWorkRequired, state.requiredWork,
            person.fullName, SearchText.normalize(person.fullName), people.count, premium,
            product.currency.rawValue, frequency.rawValue, premium * Int64(Int.random(in: 3...12, using: &random)),
            Self.noonUTC(start), Self.noonUTC(end), issuedAt, paidAt.map { min($0, now) }, paidAt == nil ? nil : premium,
            data, issuedAt, issuedAt,
        ]
        return values.map { value -> any SQLExpression in value.map { SQLBind($0) } ?? SQLLiteral.null }
    }

    /// The issue instant of the next row and its age in days. A portal numbers and stores contracts as they are
    /// issued, so the rows go forward in time, over office hours (09:00–21:00 Moscow) of the window, oldest first:
    /// numbers, row order and issue dates agree as they do in a real database (a report or a list in date order
    /// reads the table front to back).
    private mutating func nextIssue() -> (Date, Int) {
        let workday = 12 * 3600.0
        let position = (Double(made) + Double.random(in: 0..<1, using: &random)) / Double(total)
        let remaining = total - made
        made += 1
        let worked = position * workday * Double(dayStarts.count)
        let dayIndex = min(dayStarts.count - 1, Int(worked / workday))
        let age = dayStarts.count - 1 - dayIndex
        let issued = dayStarts[age].addingTimeInterval(9 * 3600 + worked - Double(dayIndex) * workday)
        // Today's rows past the present are pulled back before it, still in order.
        return (min(issued, now.addingTimeInterval(-Double(remaining))), age)
    }

    /// Old contracts are mostly accepted and paid; the last two weeks hold the drafts and the unpaid ones.
    private mutating func state(ageInDays age: Int) -> ContractState {
        let recent: [(Int, Int)] = [(0, 35), (1, 20), (2, 15), (3, 15), (4, 10), (5, 5)]
        let settled: [(Int, Int)] = [(0, 3), (1, 3), (2, 6), (3, 76), (4, 7), (5, 5)]
        var state = ContractState.new
        switch random.weighted(age <= 14 ? recent : settled) {
        case 0: break
        case 1: state.status = .signed
        case 2: state = ContractState(status: .signed, payment: .paid)
        case 3: state = ContractState(status: .accepted, payment: .paid)
        case 4: state.status = .cancelled
        default:
            let from: ContractStatus = random.chance(0.6) ? .accepted : .signed
            state = ContractState(status: .erroneous, payment: from == .accepted || random.chance(0.5) ? .paid : .unpaid,
                erroneousFrom: from)
        }
        if random.chance(0.03) { state.requiredWork = random.pick(Self.workTexts) }
        return state
    }

    /// A payment inside the product's limits for the frequency, in round thousands.
    private mutating func premiumMinor(_ product: ProductDefinition, _ frequency: PaymentFrequency) -> Int64 {
        let perMajor = product.currency.minorUnitsPerMajor
        let limits = product.premiumLimits[frequency]
        let low = limits.map { Self.whole($0.min) } ?? 1_000
        let high = max(low, min(limits.map { Self.whole($0.max) } ?? 500_000, low * 20))
        let thousands = Int64.random(in: (low + 999) / 1_000...max((low + 999) / 1_000, high / 1_000), using: &random)
        return thousands * 1_000 * perMajor
    }

    private static func whole(_ amount: Decimal) -> Int64 {
        NSDecimalNumber(decimal: amount).int64Value
    }

    /// Days are stored as noon UTC (`CalendarDay`), so they read the same in every time zone.
    static func noonUTC(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400 + 43_200)
    }
}
