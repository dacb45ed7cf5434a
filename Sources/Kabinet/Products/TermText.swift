import Foundation
import Vapor

extension Request {
    /// «1 год», «3 года», «5 лет» / «1 year», «5 years»: the contract term as the form and the quote show it.
    /// Russian needs three forms (one / few / many); the texts are in the localisation table.
    func years(_ count: Int) -> String {
        let category = locale == "en" ? (count == 1 ? "one" : "many") : Self.pluralCategory(count)
        return t("products.years.\(category)", String(count))
    }

    /// CLDR plural category of a whole number in Russian.
    static func pluralCategory(_ count: Int) -> String {
        let tens = count % 100
        let units = count % 10
        if units == 1 && tens != 11 { return "one" }
        if (2...4).contains(units) && !(12...14).contains(tens) { return "few" }
        return "many"
    }
}
