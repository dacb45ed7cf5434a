import Foundation
import KabinetDomain
import Vapor

/// «Результат расчета (котировка)» ready for the page: the seed's table of risks with sums and premiums, the
/// insured's line, the payment per period and the year's total, amounts written as the seed writes them.
/// The calculator and the saved quote page draw the same table from the same `Quote`.
struct QuoteTable: Encodable {
    struct Line: Encodable {
        var risk: String
        var code: String
        var mandatory: Bool
        var sumInsured: String
        var premium: String
    }

    /// «Застрахованный: Иванов Юрий Германович 01.01.1992 Мужской».
    var insured: String
    var lines: [Line]
    /// «Разовый взнос (Ежегодно)».
    var perPaymentLabel: String
    var perPayment: String
    var perYear: String
    /// «09.02.2024 – 08.02.2029».
    var period: String
    var productVersion: String
    var mainSumInsured: String

    init(_ quote: Quote, insuredName: String, product: ProductDefinition?, req: Request) {
        let english = req.locale == "en"
        let risksByCode = Dictionary(uniqueKeysWithValues: (product?.risks ?? []).map { ($0.code, $0) })
        let sex = english ? quote.sex.englishName : quote.sex.russianName
        insured = req.t("quote.insured", [insuredName, quote.birthDate.russian, sex].filter { !$0.isEmpty }.joined(separator: " "))
        lines = quote.lines.map { line in
            let name = english ? (risksByCode[line.riskCode]?.englishName ?? line.riskName) : line.riskName
            return Line(risk: name, code: line.riskCode, mandatory: line.mandatory,
                sumInsured: req.formatted(line.sumInsured), premium: req.formatted(line.premium))
        }
        perPaymentLabel = req.t("quote.per_payment", english ? quote.frequency.englishName : quote.frequency.russianName)
        perPayment = req.formatted(quote.totalPerPayment)
        perYear = req.formatted(quote.totalPerYear)
        period = "\(quote.startDate.russian) – \(quote.endDate.russian)"
        productVersion = quote.productVersion
        mainSumInsured = req.formatted(quote.mainSumInsured)
    }
}
