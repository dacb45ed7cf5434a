import Foundation

/// A rate table must give exactly one rate for every age the product accepts at start:
/// bands in ascending order, no gaps, no overlaps, covering minAtStart…maxAtStart.
enum RateTableValidator {
    static func check(_ bands: [RateBand], ages: AgeLimits, path: String, into issues: inout [TariffIssue]) {
        guard !bands.isEmpty else {
            issues.append(.init(path: "\(path).rates", key: .tariffListEmpty))
            return
        }
        for (index, band) in bands.enumerated() {
            let bandPath = "\(path).rates[\(index)]"
            if band.ageTo < band.ageFrom {
                issues.append(.init(path: bandPath, key: .tariffBandInvalid, arguments: [
                    "ageFrom": String(band.ageFrom), "ageTo": String(band.ageTo)]))
            }
            for (name, rate) in [("male", band.male), ("female", band.female)] where rate < 0 || rate >= 1 {
                issues.append(.init(path: "\(bandPath).\(name)", key: .tariffRateOutOfRange, arguments: ["value": TariffCoding.text(rate)]))
            }
            if index > 0, band.ageFrom != bands[index - 1].ageTo + 1 {
                let key: PricingMessageKey = band.ageFrom <= bands[index - 1].ageTo ? .tariffBandsOverlap : .tariffBandsGap
                issues.append(.init(path: "\(bandPath).ageFrom", key: key, arguments: [
                    "expected": String(bands[index - 1].ageTo + 1), "value": String(band.ageFrom)]))
            }
        }
        if let first = bands.first, first.ageFrom > ages.minAtStart {
            issues.append(.init(path: "\(path).rates[0].ageFrom", key: .tariffBandsNotCovering, arguments: [
                "age": String(ages.minAtStart)]))
        }
        if let last = bands.last, last.ageTo < ages.maxAtStart {
            issues.append(.init(path: "\(path).rates[\(bands.count - 1)].ageTo", key: .tariffBandsNotCovering, arguments: [
                "age": String(ages.maxAtStart)]))
        }
    }
}
