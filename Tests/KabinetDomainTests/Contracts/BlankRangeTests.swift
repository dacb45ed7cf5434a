import Foundation
import Testing
@testable import KabinetDomain

/// Strict-reporting-form (БСО) number ranges per agency agreement and product.
@Suite("БСО ranges")
struct BlankRangeTests {
    static let range = BlankRange(agreementNumber: "АД-17", productCode: "product-1", first: "5520000000", last: "5520000999")

    static func validate(_ first: String, _ last: String, against existing: [BlankRange] = [range]) -> [FieldError] {
        BlankRangeValidator.validate(BlankRange(agreementNumber: "АД-17", productCode: "product-2", first: first, last: last),
                                     against: existing)
    }

    @Test("Capacity, positions and numbers of a range")
    func arithmetic() {
        let range = Self.range
        #expect(range.capacity == 1000)
        #expect(range.number(at: 0) == "5520000000")
        #expect(range.number(at: 400) == "5520000400")
        #expect(range.number(at: 1000) == nil && range.number(at: -1) == nil)
        #expect(range.offset(of: "5520000025") == 25)
        #expect(range.contains("5520000999") && !range.contains("5520001000") && !range.contains("552000099"))
        #expect(range.remaining(issued: 0) == 1000 && range.remaining(issued: 999) == 1 && range.remaining(issued: 2000) == 0)
        #expect(range.remaining(after: nil) == 1000)
        #expect(range.remaining(after: "5520000400") == 599)
        #expect(range.remaining(after: "5520000999") == 0)
    }

    @Test("Leading zeros are part of the number")
    func leadingZeros() {
        let range = BlankRange(agreementNumber: "1", productCode: "p", first: "0000000098", last: "0000000102")
        #expect(range.capacity == 5)
        #expect(range.number(at: 2) == "0000000100")
    }

    @Test("A valid new range next to an existing one")
    func validRange() {
        #expect(Self.validate("5520001000", "5520001999").isEmpty)
        #expect(Self.validate("5520001000", "5520001000").isEmpty)
    }

    @Test("Numbers: digits only, 6 to 18 of them", arguments: ["", "55200A0000", "12345", "5520 000000", "1234567890123456789"])
    func numberFormat(first: String) {
        let errors = Self.validate(first, "5520001999")
        #expect(errors.keys(at: "first") == [first.isEmpty ? "contract.required" : "contract.blank.number.format"])
        #expect(errors.count == 1)
    }

    @Test("First and last of different lengths")
    func lengthMismatch() {
        #expect(Self.validate("552000100", "5520001999").pairs == ["last: contract.blank.length_mismatch"])
    }

    @Test("First above last")
    func order() {
        #expect(Self.validate("5520001999", "5520001000").pairs == ["last: contract.blank.order"])
    }

    @Test("Agreement and product are required")
    func required() {
        let errors = BlankRangeValidator.validate(BlankRange(agreementNumber: " ", productCode: "", first: "5520001000",
                                                             last: "5520001999"), against: [])
        #expect(errors.pairs == ["agreementNumber: contract.required", "productCode: contract.required"])
    }

    @Test("Overlaps are refused at either end and inside, across agreements too", arguments: [
        ("5519999000", "5520000000"), ("5520000999", "5520001500"), ("5520000100", "5520000200"), ("5519000000", "5529000000"),
    ])
    func overlap(first: String, last: String) {
        let other = BlankRange(agreementNumber: "АД-99", productCode: "product-9", first: "7000000000", last: "7000000099")
        let errors = Self.validate(first, last, against: [other, Self.range])
        #expect(errors.pairs == ["first: contract.blank.overlap"])
        #expect(errors.first?.arguments == ["agreement": "АД-17", "product": "product-1", "first": "5520000000", "last": "5520000999"])
    }

    @Test("Ranges of different number lengths never overlap")
    func differentLengths() {
        #expect(Self.validate("552000000", "552000999").isEmpty)
    }

    @Test("Stock of an agreement and product over several ranges")
    func stock() {
        let second = BlankRange(agreementNumber: "АД-17", productCode: "product-1", first: "5520005000", last: "5520005099")
        let foreign = BlankRange(agreementNumber: "АД-18", productCode: "product-1", first: "5530000000", last: "5530000999")
        let stock = BlankStock(agreementNumber: "АД-17", productCode: "product-1",
                               ranges: [(Self.range, 1000), (second, 10), (foreign, 0)])
        #expect(stock.total == 1100 && stock.remaining == 90 && !stock.isExhausted)
        #expect(stock.isRunningLow())
        #expect(stock.warning()?.key == "contract.blank.running_low")
        #expect(stock.warning()?.arguments["remaining"] == "90")
    }

    @Test("Running low: under 10 % or under 20 numbers", arguments: [
        (1000, 100, false), (1000, 99, true), (100, 20, false), (100, 19, true), (50, 25, false), (1000, 0, true),
    ])
    func runningLow(total: Int, remaining: Int, low: Bool) {
        let stock = BlankStock(agreementNumber: "АД-17", productCode: "product-1", total: total, remaining: remaining)
        #expect(stock.isRunningLow() == low)
        #expect((stock.warning() != nil) == low)
        #expect(BlankShortageRule(minimumShare: 0, minimumCount: 0).isRunningLow(remaining: remaining, total: total) == false)
    }

    @Test("Exhausted: the agent's error names the agreement and product")
    func exhausted() {
        let stock = BlankStock(agreementNumber: "АД-17", productCode: "product-1", ranges: [(Self.range, 1000)])
        #expect(stock.isExhausted)
        #expect(stock.exhaustedError.field == "number" && stock.exhaustedError.key == "contract.blank.exhausted")
        #expect(ContractMessages.render(stock.exhaustedError).contains("АД-17"))
    }
}
