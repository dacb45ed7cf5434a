import Fluent
import Foundation
import KabinetDomain
import NIOConcurrencyHelpers
import Vapor

/// Demo forms for the library: a few per category, real PDFs laid out with the domain's PDF writer. Rendered once
/// per process and reused (every test loads the demo data; laying out the same PDFs each time would be waste).
enum DemoLibrary {
    struct Sample: Sendable {
        var category: LibraryCategory
        var title: String
        var version: String
        var issuedOn: String
        var filename: String
        var paragraphs: [String]
    }

    static let samples: [Sample] = [
        Sample(category: .claims, title: "Заявление на страховую выплату", version: "4.2", issuedOn: "2024-01-15",
               filename: "zayavlenie_na_vyplatu.pdf", paragraphs: ["Заявитель (ФИО, паспорт, контакты).", "Номер договора страхования, дата события, описание события.", "Реквизиты для перечисления выплаты."]),
        Sample(category: .claims, title: "Заявление на выплату выкупной суммы", version: "2.0", issuedOn: "2024-02-01",
               filename: "zayavlenie_vykupnaya_summa.pdf", paragraphs: ["Страхователь просит расторгнуть договор и выплатить выкупную сумму.", "Реквизиты банковского счета."]),
        Sample(category: .changes, title: "Заявление на изменение персональных данных", version: "3.1", issuedOn: "2024-01-20",
               filename: "izmenenie_personalnyh_dannyh.pdf", paragraphs: ["Прежние и новые данные: ФИО, паспорт, адрес, телефон, e-mail.", "Копии подтверждающих документов прилагаются."]),
        Sample(category: .changes, title: "Заявление на смену выгодоприобретателя", version: "1.4", issuedOn: "2023-11-10",
               filename: "smena_vygodopriobretatelya.pdf", paragraphs: ["Выгодоприобретатели и их доли (в сумме 100 %)."]),
        Sample(category: .questionnaires, title: "Анкета клиента — физического лица", version: "5.0", issuedOn: "2024-01-09",
               filename: "anketa_fizicheskogo_lica.pdf", paragraphs: ["Сведения о клиенте по 115-ФЗ: документ, адрес, ПДЛ, налоговое резидентство."]),
        Sample(category: .questionnaires, title: "Медицинская анкета застрахованного", version: "2.3", issuedOn: "2023-12-05",
               filename: "medicinskaya_anketa.pdf", paragraphs: ["Рост, вес, хронические заболевания, занятия спортом."]),
        Sample(category: .rules, title: "Памятка агента по оформлению договоров", version: "2024.1", issuedOn: "2024-02-05",
               filename: "pamyatka_agenta.pdf", paragraphs: ["Порядок оформления: продукт, расчет, данные клиента, подписание ПЭП, оплата.", "Актуальность бланков необходимо уточнять у сотрудников РОО до их использования."]),
    ]

    private static let rendered = NIOLockedValueBox<[String: Data]>([:])

    static func load(into app: Application) async throws {
        let store = LibraryStore(database: app.db, audit: Audit.system(app.db, login: "demo"))
        for sample in samples {
            let data = try pdf(sample, app: app)
            try await store.add(LibraryUpload.Checked(
                title: sample.title, category: sample.category, version: sample.version,
                issuedOn: CalendarDate(sample.issuedOn)!, family: nil, filename: sample.filename,
                contentType: "application/pdf", data: data), by: "demo")
        }
    }

    static func pdf(_ sample: Sample, app: Application) throws -> Data {
        if let cached = rendered.withLockedValue({ $0[sample.filename] }) { return cached }
        var pdf = PDFDocumentBuilder(fonts: try app.documentFonts(), metadata: PDFMetadata(
            title: sample.title, author: app.settings.companyName, creationDate: Date(timeIntervalSince1970: 1_704_067_200)))
        pdf.heading(sample.title)
        pdf.keyValue("Страховщик", app.settings.companyName)
        pdf.keyValue("Версия бланка", sample.version)
        pdf.keyValue("Дата редакции", CalendarDate(sample.issuedOn)?.russian ?? sample.issuedOn)
        for paragraph in sample.paragraphs { pdf.paragraph(paragraph) }
        pdf.paragraph("Подпись ______________________   Дата «___» ____________ 20___ г.")
        let data = try pdf.build()
        rendered.withLockedValue { $0[sample.filename] = data }
        return data
    }
}

/// The demo data of this module and of commission, loaded by `DemoData` with one call.
enum DemoPaperwork {
    static func load(into app: Application) async throws {
        try await DemoCommission.loadRates(into: app)
        try await DemoLibrary.load(into: app)
    }
}
