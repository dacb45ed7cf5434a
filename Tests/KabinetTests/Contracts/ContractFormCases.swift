import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

/// One wrong input of the contract form and the message expected next to it.
struct FormCase: Sendable, CustomTestStringConvertible {
    var name: String
    var overrides: [String: String]
    var field: String
    var message: String

    var testDescription: String { name }

    static let passport = "insured[0][documents][passport]"

    static var all: [FormCase] {
        let birth = SeedExample.birth
        return [
            FormCase(name: "passport series of letters", overrides: ["\(passport)[series]": "10A"],
                     field: "insured[0].documents.passport.series", message: "Серия паспорта — 4 цифры, например 1010"),
            FormCase(name: "passport number of 5 digits", overrides: ["\(passport)[number]": "12345"],
                     field: "insured[0].documents.passport.number", message: "Номер паспорта — 6 цифр, например 101010"),
            FormCase(name: "division code without the dash pattern", overrides: ["\(passport)[divisionCode]": "22-0062"],
                     field: "insured[0].documents.passport.divisionCode",
                     message: "Код подразделения в формате 000-000, например 220-062"),
            FormCase(name: "passport issued before 14", overrides: ["\(passport)[issueDate]": birth.adding(years: 13).russian],
                     field: "insured[0].documents.passport.issueDate",
                     message: "Паспорт выдается с 14 лет: дата выдачи не может быть раньше \(birth.adding(years: 14).russian)"),
            FormCase(name: "unreadable issue date, reported once", overrides: ["\(passport)[issueDate]": "31.02.2020"],
                     field: "insured[0].documents.passport.issueDate", message: "Укажите дату в формате ДД.ММ.ГГГГ"),
            FormCase(name: "landline as the mobile phone", overrides: ["insured[0][contacts][mobile]": "+7 (495) 123-45-67"],
                     field: "insured[0].contacts.mobile", message: "Укажите мобильный номер: +7 (9XX) XXX-XX-XX"),
            FormCase(name: "phone with too few digits", overrides: ["insured[0][contacts][mobile]": "+7 900 100"],
                     field: "insured[0].contacts.mobile",
                     message: "Номер телефона: 10 цифр после +7, например +7 (916) 123-45-67"),
            FormCase(name: "e-mail without a domain", overrides: ["insured[0][contacts][email]": "yug@"],
                     field: "insured[0].contacts.email", message: "Проверьте адрес электронной почты, например name@mail.ru"),
            FormCase(name: "postal code of 5 digits", overrides: ["insured[0][addresses][registration][postalCode]": "12311"],
                     field: "insured[0].addresses.registration.postalCode", message: "Индекс — 6 цифр, например 123112"),
            FormCase(name: "US taxpayer without the TIN", overrides: ["insured[0][taxResidency][isUSTaxpayer]": "yes"],
                     field: "insured[0].taxResidency.usTIN.number",
                     message: "Укажите номер идентификатора иностранного налогоплательщика (TIN)"),
            FormCase(name: "other foreign taxpayer without the TIN",
                     overrides: ["insured[0][taxResidency][isOtherForeignTaxpayer]": "yes",
                                 "insured[0][taxResidency][otherTIN][country]": "DE"],
                     field: "insured[0].taxResidency.otherTIN.number",
                     message: "Укажите номер идентификатора иностранного налогоплательщика (TIN)"),
            FormCase(name: "birth date other than the quote's", overrides: ["insured[0][birthDate]": "01.01.1980"],
                     field: "insured[0].birthDate", message: "Должно совпадать с расчетом: чтобы изменить, пересчитайте продукт"),
            FormCase(name: "no place of birth", overrides: ["insured[0][birthPlace]": " "],
                     field: "insured[0].birthPlace", message: "Обязательное поле"),
            FormCase(name: "foreign citizen without the second document",
                     overrides: ForeignCitizen.passport, field: "insured[0].documents.stayDocument.kind",
                     message: "Обязательное поле"),
            FormCase(name: "beneficiaries' shares adding up to 90 %",
                     overrides: Beneficiaries.shares("50", "40"), field: "beneficiaries",
                     message: "Сумма долей выгодоприобретателей должна быть ровно 100 %, сейчас 90 %"),
        ]
    }
}

/// A citizen of Brazil: the foreign passport, and optionally the residence permit.
enum ForeignCitizen {
    static let documents = "insured[0][documents]"

    static var passport: [String: String] {
        [
            "insured[0][citizenship]": "BR", "\(documents)[foreignPassport][country]": "BR",
            "\(documents)[foreignPassport][number]": "FA123456",
            "\(documents)[foreignPassport][issueDate]": SeedExample.today.adding(years: -3).russian,
            "\(documents)[foreignPassport][issuedBy]": "Бразилия",
        ]
    }

    static var withResidencePermit: [String: String] {
        passport.merging([
            "\(documents)[stayDocument][kind]": "residencePermit", "\(documents)[stayDocument][number]": "82 1234567",
            "\(documents)[stayDocument][issueDate]": SeedExample.today.adding(years: -2).russian,
        ]) { $1 }
    }
}

enum Beneficiaries {
    static func shares(_ shares: String...) -> [String: String] {
        var fields: [String: String] = [:]
        for (index, share) in shares.enumerated() {
            let prefix = "beneficiaries[\(index)]"
            fields["\(prefix)[lastName]"] = "Иванова"
            fields["\(prefix)[firstName]"] = index == 0 ? "Мария" : "Анна"
            fields["\(prefix)[birthDate]"] = "01.01.201\(index)"
            fields["\(prefix)[share]"] = share
        }
        return fields
    }
}
