import Foundation
import KabinetDomain
import Vapor

/// The API document's enums mirror the domain's by raw value. A domain value the document lacks is a mistake in
/// the document (a test walks every case), answered as a server error rather than a made-up value.
enum APIMirror {
    static func value<Target: RawRepresentable, Source: RawRepresentable>(_ source: Source, as _: Target.Type = Target.self)
        throws -> Target where Target.RawValue == String, Source.RawValue == String
    {
        guard let value = Target(rawValue: source.rawValue) else {
            throw Abort(.internalServerError, reason: "\(Source.self).\(source.rawValue) is missing from openapi.yaml")
        }
        return value
    }
}

extension Components.Schemas.Money {
    /// `{"amount": "603566.62", "currency": "RUB"}`: exact text, never a binary float.
    init(_ money: KabinetDomain.Money) throws {
        self.init(amount: money.plainString, currency: try APIMirror.value(money.currency))
    }
}

extension Components.Schemas.Product {
    /// The product as its current version prices on `today`: limits, windows and risks from the tariff data.
    init(_ product: ProductDefinition, today: CalendarDate) throws {
        let limits: [Components.Schemas.PremiumLimit] = try product.frequencies.compactMap { frequency in
            guard let (min, max) = product.premiumLimits(for: frequency) else { return nil }
            return .init(frequency: try APIMirror.value(frequency), min: try .init(min), max: try .init(max))
        }
        self.init(
            code: product.code, name: product.name, englishName: product.englishName, summary: product.summary,
            kind: try APIMirror.value(product.kind), currency: try APIMirror.value(product.currency),
            version: product.version, validFrom: product.validFrom.iso,
            frequencies: try product.frequencies.map { try APIMirror.value($0) }, terms: product.terms,
            premiumLimits: limits,
            insuredAge: .init(
                minAtStart: product.insuredAge.minAtStart, maxAtStart: product.insuredAge.maxAtStart,
                maxAtEnd: product.insuredAge.maxAtEnd),
            startDate: .init(
                minDaysAhead: product.startDate.minDaysAhead, maxDaysAhead: product.startDate.maxDaysAhead,
                earliest: product.startDate.earliest(today: today).iso, latest: product.startDate.latest(today: today).iso),
            mainRisk: product.mainRisk,
            risks: product.risks.map { .init(code: $0.code, name: $0.name, englishName: $0.englishName, mandatory: $0.mandatory) })
    }
}

extension Components.Schemas.Quote {
    /// «Результат расчета (котировка)» line by line, with the tariff version it was priced with.
    init(_ quote: Quote) throws {
        self.init(
            productCode: quote.productCode, productName: quote.productName, productVersion: quote.productVersion,
            currency: try APIMirror.value(quote.currency), startDate: quote.startDate.iso, endDate: quote.endDate.iso,
            frequency: try APIMirror.value(quote.frequency), term: quote.term, sex: try APIMirror.value(quote.sex),
            birthDate: quote.birthDate.iso, ageAtStart: quote.ageAtStart, ageAtEnd: quote.ageAtEnd,
            calculatedFrom: try APIMirror.value(quote.calculatedFrom),
            lines: try quote.lines.map {
                .init(riskCode: $0.riskCode, riskName: $0.riskName, mandatory: $0.mandatory,
                    sumInsured: try .init($0.sumInsured), premium: try .init($0.premium))
            },
            totalPerPayment: try .init(quote.totalPerPayment), totalPerYear: try .init(quote.totalPerYear),
            paymentCount: quote.paymentCount, mainSumInsured: try .init(quote.mainSumInsured))
    }
}
