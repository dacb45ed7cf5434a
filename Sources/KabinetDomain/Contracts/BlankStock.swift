import Foundation

/// When the back office is warned that БСО numbers are running out for an agreement and product.
///
/// Running out stops sales: the seed's agents saw «Не удалось сгенерировать номер свободного БСО» and had to
/// write to hotline@ with the agreement number and product. Warning early, while numbers are left, makes
/// that request unnecessary. Low means fewer than `minimumCount` numbers, or fewer than `minimumShare` of all
/// numbers issued to the agreement and product — the count protects small ranges, the share large ones.
public struct BlankShortageRule: Sendable, Hashable, Codable {
    /// A fraction, 0.10 for 10 %.
    public var minimumShare: Decimal
    public var minimumCount: Int

    public init(minimumShare: Decimal = Decimal(string: "0.10")!, minimumCount: Int = 20) {
        self.minimumShare = minimumShare
        self.minimumCount = minimumCount
    }

    public static let standard = BlankShortageRule()

    public func isRunningLow(remaining: Int, total: Int) -> Bool {
        remaining < minimumCount || Decimal(remaining) < Decimal(total) * minimumShare
    }
}

/// The БСО numbers of one agency agreement and product, over all its ranges: how many in all, how many left.
public struct BlankStock: Sendable, Hashable, Codable {
    public var agreementNumber: String
    public var productCode: String
    public var total: Int
    public var remaining: Int

    public init(agreementNumber: String, productCode: String, total: Int, remaining: Int) {
        self.agreementNumber = agreementNumber
        self.productCode = productCode
        self.total = total
        self.remaining = remaining
    }

    /// Sums ranges with how many numbers were taken from each. Ranges of other agreements or products are
    /// ignored, so the app may pass everything it loaded.
    public init(agreementNumber: String, productCode: String, ranges: [(range: BlankRange, issued: Int)]) {
        let mine = ranges.filter { $0.range.agreementNumber == agreementNumber && $0.range.productCode == productCode }
        self.init(agreementNumber: agreementNumber, productCode: productCode,
                  total: mine.reduce(0) { $0 + $1.range.capacity },
                  remaining: mine.reduce(0) { $0 + $1.range.remaining(issued: $1.issued) })
    }

    /// No number can be taken: the contract cannot be saved.
    public var isExhausted: Bool { remaining == 0 }

    public func isRunningLow(_ rule: BlankShortageRule = .standard) -> Bool {
        rule.isRunningLow(remaining: remaining, total: total)
    }

    /// The back office's warning, nil while enough numbers are left.
    public func warning(_ rule: BlankShortageRule = .standard) -> FieldError? {
        guard isRunningLow(rule) else { return nil }
        return FieldError("blankRanges", .blankRunningLow, arguments)
    }

    /// The agent's error when no number is left, on the contract's "number" — says which agreement and product
    /// lack numbers, the details the seed's agents had to copy into a hotline request by hand.
    public var exhaustedError: FieldError {
        FieldError("number", .blankExhausted, arguments)
    }

    private var arguments: [String: String] {
        ["agreement": agreementNumber, "product": productCode, "remaining": String(remaining), "total": String(total)]
    }
}
