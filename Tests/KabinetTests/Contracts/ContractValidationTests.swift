import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Contracts: every problem of the form is shown next to its field (422), and nothing is saved half")
struct ContractValidationTests {
    typealias Example = ContractExample

    @Test("A wrong input is refused with its message; no contract row, no БСО number taken", arguments: FormCase.all)
    func wrongInput(_ example: FormCase) async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let page = try await agent.post("/contracts/new", Example.form(quote: quote, example.overrides))

            // then
            #expect(page.status == .unprocessableEntity)
            #expect(page.fieldError(example.field) == example.message)
            #expect(page.text.contains("Проверьте заполнение полей."))
            #expect(try await app.contracts().isEmpty)
            #expect(try await app.takenNumbers(agreement: "1000002") == 0)
            #expect(try await ContractHistoryEntry.query(on: app.db).count() == 0)
        }
    }

    @Test("What was typed comes back as typed next to the message")
    func typedValuesKept() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let page = try await agent.post("/contracts/new", Example.form(quote: quote, [
                "\(FormCase.passport)[series]": "10A", "insured[0][contacts][email]": "client@mail.ru",
            ]))

            // then
            #expect(page.text.contains("name=\"\(FormCase.passport)[series]\" value=\"10A\""))
            #expect(page.text.contains("value=\"client@mail.ru\""))
            #expect(page.text.contains("value=\"ТП В С. ХАБАРЫ МРО № 6 УФМС РОССИИ ПО АЛТАЙСКОМУ КРАЮ\""))
        }
    }

    @Test("A foreign citizen with the foreign passport and a residence permit is issued; no Russian passport is asked")
    func foreignCitizenWithBothDocuments() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let saved = try await agent.post("/contracts/new", Example.form(
                quote: quote, ForeignCitizen.withResidencePermit,
                removing: ["\(FormCase.passport)[series]", "\(FormCase.passport)[number]"]))

            // then
            #expect(saved.status == .seeOther)
            let person = try #require(try await app.contracts().first?.decodedData().draft.insured.first)
            #expect(person.citizenship == "BR")
            #expect(person.documents.passport == nil)
            #expect(person.documents.stayDocument?.kind == .residencePermit)
        }
    }

    @Test("Beneficiaries with shares adding up to 100 % are saved with the contract")
    func beneficiariesAddingUp() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let saved = try await agent.post("/contracts/new", Example.form(quote: quote, Beneficiaries.shares("66,66", "33,34")))

            // then
            #expect(saved.status == .seeOther)
            let draft = try #require(try await app.contracts().first?.decodedData().draft)
            #expect(draft.beneficiaries.map(\.share) == [Decimal(string: "66.66"), Decimal(string: "33.34")])
        }
    }

    @Test("«Да» to the US question with a 9-digit TIN is accepted and kept")
    func usTaxpayerWithTIN() async throws {
        try await withKabinet { app in
            // given
            let agent = Browser(app)
            try await agent.login("agent")
            let quote = try await Example.quote(agent)

            // when
            let saved = try await agent.post("/contracts/new", Example.form(quote: quote, [
                "insured[0][taxResidency][isUSTaxpayer]": "yes", "insured[0][taxResidency][usTIN][number]": "123-45-6789",
            ]))

            // then
            #expect(saved.status == .seeOther)
            let tax = try #require(try await app.contracts().first?.decodedData().draft.insured.first?.taxResidency)
            #expect(tax.isUSTaxpayer && tax.usTIN == ForeignTaxID(country: "US", number: "123-45-6789"))
        }
    }

    @Test("A quote whose start date has come cannot be issued: the reason is shown above the form")
    func startDatePassed() async throws {
        try await withKabinet { app in
            // given: the saved quote's start moved to today
            let agent = Browser(app)
            try await agent.login("agent")
            let quoteID = try await Example.quote(agent)
            let saved = try #require(try await SavedQuote.find(UUID(uuidString: quoteID), on: app.db))
            var quote = try saved.decodedQuote()
            quote.startDate = SeedExample.today
            saved.result = String(decoding: try JSONEncoder().encode(quote), as: UTF8.self)
            try await saved.save(on: app.db)

            // when
            let page = try await agent.post("/contracts/new", Example.form(quote: quoteID))

            // then
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Дата начала договора в расчете (\(SeedExample.today.russian)) уже наступила"))
            #expect(try await app.contracts().isEmpty)
        }
    }
}
