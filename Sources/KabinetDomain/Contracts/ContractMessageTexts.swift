import Foundation

/// Russian and English texts of every `ContractMessageKey`, plus the names of statuses and actions.
///
/// `table` is ready to merge into `Resources/Localization/ru.json` / `en.json`: flat key → text. Placeholders
/// are named (`{max}`, `{date}`), like the pricing messages; render with `ContractMessages.render`, which also
/// turns ISO dates into ДД.ММ.ГГГГ and country codes into names.
public enum ContractMessageTexts {
    public static func texts(_ key: ContractMessageKey) -> (ru: String, en: String) {
        switch key {
        case .required: ("Обязательное поле", "Required field")
        case .dateInvalid: ("Укажите дату в формате ДД.ММ.ГГГГ", "Enter a date as DD.MM.YYYY")
        case .dateInFuture: ("Дата не может быть позже сегодняшней", "The date cannot be later than today")
        case .textTooLong: ("Не больше {max} символов", "At most {max} characters")
        case .countryUnknown: ("Выберите страну из списка", "Choose a country from the list")

        case .nameInvalid: ("Допустимы буквы, пробел, дефис и апостроф; начните с буквы", "Use letters, spaces, hyphens and apostrophes, starting with a letter")
        case .birthDateInFuture: ("Дата рождения не может быть позже сегодняшней", "The birth date cannot be later than today")
        case .birthDateTooEarly: ("Дата рождения не может быть раньше {min}", "The birth date cannot be earlier than {min}")

        case .passportSeries: ("Серия паспорта — 4 цифры, например 1010", "The passport series is 4 digits, e.g. 1010")
        case .passportNumber: ("Номер паспорта — 6 цифр, например 101010", "The passport number is 6 digits, e.g. 101010")
        case .passportDivisionCode: ("Код подразделения в формате 000-000, например 220-062", "The division code is 000-000, e.g. 220-062")
        case .passportIssuedBefore14: ("Паспорт выдается с 14 лет: дата выдачи не может быть раньше {date}", "A passport is issued from age 14: the issue date cannot be before {date}")

        case .documentNumberInvalid: ("Номер документа: буквы и цифры, не больше {max} символов", "The document number: letters and digits, at most {max} characters")
        case .documentIssuedBeforeBirth: ("Дата выдачи не может быть раньше даты рождения", "The issue date cannot be before the birth date")
        case .documentPeriodInvalid: ("Дата окончания не может быть раньше даты начала ({from})", "The end date cannot be before the start date ({from})")
        case .documentExpired: ("Срок действия документа истек {date}", "The document expired on {date}")
        case .foreignPassportForRussian: ("Паспорт России — это паспорт гражданина РФ: укажите гражданство «Россия»", "A Russian passport means Russian citizenship: choose «Russia» as the citizenship")

        case .tinRequired: ("Укажите номер идентификатора иностранного налогоплательщика (TIN)", "Enter the foreign taxpayer identification number (TIN)")
        case .tinUSNumber: ("TIN США — 9 цифр, например 123-45-6789", "A US TIN is 9 digits, e.g. 123-45-6789")
        case .tinNumber: ("Номер TIN: буквы и цифры, не больше {max} символов", "The TIN: letters and digits, at most {max} characters")
        case .tinCountryNotOther: ("Укажите иностранное государство, кроме США (США — в вопросе выше)", "Choose a foreign country other than the US (the US has its own question)")

        case .phoneInvalid: ("Номер телефона: 10 цифр после +7, например +7 (916) 123-45-67", "The phone number is 10 digits after +7, e.g. +7 (916) 123-45-67")
        case .phoneNotMobile: ("Укажите мобильный номер: +7 (9XX) XXX-XX-XX", "Enter a mobile number: +7 (9XX) XXX-XX-XX")
        case .emailInvalid: ("Проверьте адрес электронной почты, например name@mail.ru", "Check the e-mail address, e.g. name@mail.ru")

        case .postalCodeRussia: ("Индекс — 6 цифр, например 123112", "The postal code is 6 digits, e.g. 123112")
        case .postalCodeForeign: ("Индекс: латинские буквы и цифры, не больше 10 символов", "The postal code: latin letters and digits, at most 10 characters")

        case .insuredNone: ("Добавьте хотя бы одного застрахованного", "Add at least one insured person")
        case .policyholderIndexInvalid: ("Выберите страхователя из текущих застрахованных", "Choose the policyholder among the insured")
        case .policyholderMinor: ("Страхователю должно быть не меньше {min} лет, сейчас {age}", "The policyholder must be at least {min}, now {age}")
        case .beneficiaryShareInvalid: ("Доля — число больше 0 и не больше 100, не больше двух знаков после запятой", "The share is a number above 0 and up to 100, with at most two decimals")
        case .beneficiarySharesTotal: ("Сумма долей выгодоприобретателей должна быть ровно 100 %, сейчас {total} %", "The beneficiaries' shares must add up to exactly 100 %, now {total} %")

        case .transitionRoleNotAllowed: ("Действие «{action}» недоступно для вашей роли", "The action “{action}” is not available to your role")
        case .transitionSignNotDraft: ("Подписать можно только договор в статусе «Проект»; сейчас «{status}»", "Only a draft can be signed; the contract is “{status}”")
        case .transitionPayNotSigned: ("Оплату можно принять только по договору в статусе «Подписан»; сейчас «{status}»", "Payment is accepted only for a signed contract; the contract is “{status}”")
        case .transitionPayAlreadyPaid: ("Договор уже оплачен", "The contract is already paid")
        case .transitionAcceptNotSigned: ("Принять в СК можно только договор в статусе «Подписан»; сейчас «{status}»", "Only a signed contract can be accepted; the contract is “{status}”")
        case .transitionAcceptUnpaid: ("Принять в СК можно только оплаченный договор", "Only a paid contract can be accepted")
        case .transitionCancelNotDraft: ("Отменить можно только договор в статусе «Проект»; подписанный договор переводится в «Ошибочный»", "Only a draft can be cancelled; mark a signed contract as erroneous instead")
        case .transitionErroneousNotSigned: ("В «Ошибочный» переводится только подписанный договор; договор в статусе «{status}» можно отменить", "Only a signed contract can be marked erroneous; a “{status}” contract can be cancelled")
        case .transitionErroneousAlready: ("Договор уже в статусе «Ошибочный»", "The contract is already marked erroneous")
        case .transitionErroneousNotConfirmed: ("Подтвердите перевод договора в «Ошибочный»: отменить это может только бэк-офис", "Confirm marking the contract erroneous: only the back office can undo it")
        case .transitionRestoreNotErroneous: ("Договор не в статусе «Ошибочный»; сейчас «{status}»", "The contract is not marked erroneous; it is “{status}”")
        case .transitionRestoreBackOfficeOnly: ("Снять признак «Ошибочный» может только бэк-офис: обратитесь к оператору", "Only the back office can take back the erroneous mark: contact an operator")
        case .transitionReasonRequired: ("Укажите причину", "Give a reason")
        case .transitionWorkTextRequired: ("Опишите, какие работы требуются", "Describe the work required")
        case .transitionWorkTextTooLong: ("Описание работ — не больше {max} символов", "The work description is at most {max} characters")
        case .transitionWorkClosedContract: ("Для договора в статусе «{status}» работы не назначаются", "No work is assigned on a “{status}” contract")
        case .transitionWorkNotRequired: ("По договору не требуются работы", "No work is required on the contract")

        case .blankNumberFormat: ("Номер БСО — от {min} до {max} цифр", "A form number is {min} to {max} digits")
        case .blankLengthMismatch: ("Первый и последний номера должны быть одной длины", "The first and last numbers must have the same length")
        case .blankOrder: ("Первый номер не может быть больше последнего", "The first number cannot be greater than the last")
        case .blankOverlap: ("Диапазон пересекается с {first}–{last} (агентский договор {agreement}, продукт {product})", "The range overlaps {first}–{last} (agency agreement {agreement}, product {product})")
        case .blankExhausted: ("Не удалось сгенерировать номер свободного БСО: закончились номера по агентскому договору {agreement} и продукту {product}. Бэк-офис видит нехватку и выдаст новые номера", "No free form number: the numbers for agency agreement {agreement} and product {product} have run out. The back office sees the shortage and will issue new numbers")
        case .blankRunningLow: ("Заканчиваются номера БСО: агентский договор {agreement}, продукт {product} — осталось {remaining} из {total}", "Form numbers are running low: agency agreement {agreement}, product {product} — {remaining} of {total} left")
        }
    }

    /// Every text of the contracts module as key → (ru, en): the message keys, the names of contract and
    /// payment statuses, back-office statuses, actions and stay-document kinds.
    public static var table: [String: (ru: String, en: String)] {
        var table: [String: (ru: String, en: String)] = [:]
        for key in ContractMessageKey.allCases { table[key.rawValue] = texts(key) }
        for status in ContractStatus.allCases { table[status.messageKey] = (status.russianName, status.englishName) }
        for payment in PaymentStatus.allCases { table[payment.messageKey] = (payment.russianName, payment.englishName) }
        for status in BackOfficeStatus.allCases { table[status.messageKey] = (status.russianName, status.englishName) }
        for action in ContractActionKind.allCases { table[action.messageKey] = (action.russianName, action.englishName) }
        for kind in StayDocumentKind.allCases {
            table["contract.stay_document.\(kind.rawValue)"] = (kind.russianName, kind.englishName)
        }
        return table
    }

    /// `table` in one language: exactly the shape of `ru.json` / `en.json`, encodable with `JSONEncoder`.
    public static func localizationTable(_ language: MessageLanguage) -> [String: String] {
        table.mapValues { language == .ru ? $0.ru : $0.en }
    }
}
