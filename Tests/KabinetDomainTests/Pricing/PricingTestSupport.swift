import Foundation
@testable import KabinetDomain

/// Deterministic pseudo-random numbers (SplitMix64) for the property tests: every run explores
/// the same cases, and a failure message's seed reproduces it.
struct PricingRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Access to the demo tariff files shipped with the app.
enum TariffFixtures {
    /// Sources/Kabinet/Resources/Tariffs, found relative to this test file.
    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Pricing
            .deletingLastPathComponent() // KabinetDomainTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent() // package root
            .appendingPathComponent("Sources/Kabinet/Resources/Tariffs")
    }

    static func fileNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    static func data(_ name: String) -> Data? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
    }

    /// All demo products; a broken file makes the calling test fail through `#require`.
    static func allProducts() -> [ProductDefinition] {
        TariffLoader.loadDirectory(directory).products
    }

    static func product(_ code: String) -> ProductDefinition? {
        allProducts().first { $0.code == code }
    }
}

extension CalendarDate {
    /// Test shorthand: `.d("09.02.2024")`; traps on a typo in a test.
    static func d(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { fatalError("bad test date \(text)") }
        return date
    }
}

extension Money {
    static func rub(_ text: String) -> Money {
        guard case .success(let money) = Money.parse(text, currency: .RUB) else { fatalError("bad test amount \(text)") }
        return money
    }
}

/// The seed's worked example as a request («Продукт 1», 09.02.2024, annual, 5 years, 100 000 ₽,
/// male born 01.01.1992, all five risks), with overridable parts for the error tests.
func seedRequest(
    product: ProductDefinition,
    startDate: CalendarDate = .d("09.02.2024"),
    frequency: PaymentFrequency = .annual,
    term: Int = 5,
    basis: QuoteRequest.Basis = .premium(.rub("100 000")),
    sex: Sex = .male,
    birthDate: CalendarDate = .d("01.01.1992"),
    risks: Set<String>? = nil,
    today: CalendarDate = .d("01.02.2024")
) -> QuoteRequest {
    QuoteRequest(productCode: product.code, startDate: startDate, frequency: frequency, term: term, basis: basis,
                 sex: sex, birthDate: birthDate, selectedRisks: risks ?? product.defaultRiskSelection, today: today)
}

extension Result {
    var success: Success? { if case .success(let value) = self { value } else { nil } }
    var failure: Failure? { if case .failure(let error) = self { error } else { nil } }
}
