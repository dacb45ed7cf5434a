extension Components.Schemas.QuoteInput {
    /// The members `openapi.yaml` allows; the schema forbids others.
    static let memberNames: Set<String> = [
        "productCode", "startDate", "frequency", "term", "basis", "premium", "sumInsured", "sex", "birthDate", "risks",
    ]

    /// The body as the generated decoder would read it, or nil whenever that decoder might read it differently or
    /// refuse it (a missing or unknown member, a wrong type, an unknown enum value) — the caller then leaves the
    /// body to it.
    init?(_ object: FlatJSONObject) {
        guard object.hasOnly(Self.memberNames),
            case .string(let productCode)? = object["productCode"],
            case .string(let startDate)? = object["startDate"],
            case .string(let frequencyText)? = object["frequency"], let frequency = Components.Schemas.Frequency(rawValue: frequencyText),
            case .integer(let term)? = object["term"],
            case .string(let sexText)? = object["sex"], let sex = Components.Schemas.Sex(rawValue: sexText),
            case .string(let birthDate)? = object["birthDate"],
            case .strings(let risks)? = object["risks"]
        else { return nil }
        var basis: Components.Schemas.Basis?
        if let value = object["basis"] {
            guard case .string(let text) = value, let known = Components.Schemas.Basis(rawValue: text) else { return nil }
            basis = known
        }
        guard let premium = Self.optionalString(object["premium"]), let sumInsured = Self.optionalString(object["sumInsured"])
        else { return nil }
        self.init(
            productCode: productCode, startDate: startDate, frequency: frequency, term: term, basis: basis,
            premium: premium, sumInsured: sumInsured, sex: sex, birthDate: birthDate, risks: risks)
    }

    /// `.some(nil)` for an absent member, `.some(text)` for a string, nil for anything else.
    private static func optionalString(_ value: FlatJSONObject.Value?) -> String?? {
        switch value {
        case nil: return .some(nil)
        case .string(let text)?: return .some(text)
        default: return nil
        }
    }
}
