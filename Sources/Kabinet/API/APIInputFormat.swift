import KabinetDomain

/// The formats the API document promises but the generated decoder does not enforce: patterns, lengths, ranges.
///
/// The web form is lenient («100 000», «09.02.2024»); the API accepts exactly what its document describes, so a
/// client that passes these checks sends what every other client sends. Violations are field problems (422); the
/// pricing rules themselves stay in the domain.
enum APIInputFormat {
    static let maxCodeLength = 64
    static let maxRisks = 50
    static let maxNameLength = 100
    static let maxPage = 100_000
    static let maxPageSize = 200

    /// `YYYY-MM-DD`, ASCII digits; whether the day exists is the domain's question.
    static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in index == 4 || index == 7 || isDigit(byte) }
    }

    /// `100000` or `100000.5` or `100000.50`: 1–15 ASCII digits, then at most two after a dot.
    static func isAmount(_ text: String) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, (1...15).contains(whole.utf8.count), whole.utf8.allSatisfy(isDigit) else { return false }
        guard parts.count == 2 else { return true }
        return (1...2).contains(parts[1].utf8.count) && parts[1].utf8.allSatisfy(isDigit)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func text(_ value: String?, field: String, max: Int, into problems: inout [FieldProblem]) {
        guard let value else { return }
        if value.isEmpty { problems.append(FieldProblem(field: field, key: "api.field.required")) }
        if value.count > max { problems.append(FieldProblem(field: field, key: "api.field.too_long", arguments: [String(max)])) }
    }

    static func range(_ value: Int?, field: String, _ bounds: ClosedRange<Int>, into problems: inout [FieldProblem]) {
        guard let value, !bounds.contains(value) else { return }
        problems.append(FieldProblem(field: field, key: "api.field.out_of_range",
            arguments: [String(bounds.lowerBound), String(bounds.upperBound)]))
    }

    static func throwIfAny(_ problems: [FieldProblem]) throws {
        if !problems.isEmpty { throw AppError.validation(problems) }
    }
}

/// The calculation's properties, shared by `QuoteInput` and `SaveQuoteRequest` of the document.
protocol APIQuoteFields {
    var productCode: String { get }
    var startDate: String { get }
    var frequency: Components.Schemas.Frequency { get }
    var term: Int { get }
    var basis: Components.Schemas.Basis? { get }
    var premium: String? { get }
    var sumInsured: String? { get }
    var sex: Components.Schemas.Sex { get }
    var birthDate: String { get }
    var risks: [String] { get }
}

extension Components.Schemas.QuoteInput: APIQuoteFields {}
extension Components.Schemas.SaveQuoteRequest: APIQuoteFields {}

extension APIQuoteFields {
    /// The domain's form input, once the document's formats hold; `problems` gathers what does not.
    func domainInput(adding problems: [FieldProblem] = []) throws -> QuoteInput {
        var problems = problems
        APIInputFormat.text(productCode, field: "productCode", max: APIInputFormat.maxCodeLength, into: &problems)
        for (field, value) in [("startDate", startDate), ("birthDate", birthDate)] where !APIInputFormat.isDay(value) {
            problems.append(FieldProblem(field: field, key: "api.date.format"))
        }
        for (field, value) in [("premium", premium), ("sumInsured", sumInsured)] {
            if let value, !APIInputFormat.isAmount(value) { problems.append(FieldProblem(field: field, key: "api.amount.format")) }
        }
        if risks.count > APIInputFormat.maxRisks {
            problems.append(FieldProblem(field: "risks", key: "api.field.too_many", arguments: [String(APIInputFormat.maxRisks)]))
        } else if risks.contains(where: { $0.count > APIInputFormat.maxCodeLength }) {
            problems.append(FieldProblem(field: "risks", key: "api.field.too_long", arguments: [String(APIInputFormat.maxCodeLength)]))
        }
        try APIInputFormat.throwIfAny(problems)
        return QuoteInput(
            productCode: productCode, startDate: startDate, frequency: frequency.rawValue, term: String(term),
            premium: premium, sumInsured: sumInsured, basis: basis?.rawValue, sex: sex.rawValue, birthDate: birthDate,
            risks: risks)
    }
}
