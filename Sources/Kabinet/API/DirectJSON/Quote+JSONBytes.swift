extension Components.Schemas.Quote {
    /// The answer of `calculateQuote` as `JSONEncoder` writes it (keys sorted), without the generic encoder.
    var jsonBytes: [UInt8] {
        var json = JSONByteWriter(capacity: 2048)
        json.object { json in
            json.key("ageAtEnd"); json.int(ageAtEnd)
            json.key("ageAtStart"); json.int(ageAtStart)
            json.key("birthDate"); json.string(birthDate)
            json.key("calculatedFrom"); json.string(calculatedFrom.rawValue)
            json.key("currency"); json.string(currency.rawValue)
            json.key("endDate"); json.string(endDate)
            json.key("frequency"); json.string(frequency.rawValue)
            json.key("lines"); json.array(lines) { json, line in line.write(to: &json) }
            json.key("mainSumInsured"); mainSumInsured.write(to: &json)
            json.key("paymentCount"); json.int(paymentCount)
            json.key("productCode"); json.string(productCode)
            json.key("productName"); json.string(productName)
            json.key("productVersion"); json.string(productVersion)
            json.key("sex"); json.string(sex.rawValue)
            json.key("startDate"); json.string(startDate)
            json.key("term"); json.int(term)
            json.key("totalPerPayment"); totalPerPayment.write(to: &json)
            json.key("totalPerYear"); totalPerYear.write(to: &json)
        }
        return json.bytes
    }
}

extension Components.Schemas.QuoteLine {
    func write(to json: inout JSONByteWriter) {
        json.object { json in
            json.key("mandatory"); json.bool(mandatory)
            json.key("premium"); premium.write(to: &json)
            json.key("riskCode"); json.string(riskCode)
            json.key("riskName"); json.string(riskName)
            json.key("sumInsured"); sumInsured.write(to: &json)
        }
    }
}

extension Components.Schemas.Money {
    func write(to json: inout JSONByteWriter) {
        json.object { json in
            json.key("amount"); json.string(amount)
            json.key("currency"); json.string(currency.rawValue)
        }
    }
}
