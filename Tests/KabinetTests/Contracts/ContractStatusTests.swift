import Fluent
import Foundation
import KabinetDomain
import Testing
import Vapor

@testable import Kabinet

@Suite("Contracts: «Изменить статус» by the seller and the back office, through the card's buttons")
struct ContractStatusTests {
    typealias Example = ContractExample

    /// An issued contract of `agent`, put into `state`, and a browser logged in as `login`.
    static func contract(_ app: Application, _ state: ContractState = .new, as login: String) async throws
        -> (path: String, browser: Browser)
    {
        let agent = Browser(app)
        try await agent.login("agent")
        let path = try await Example.issue(agent)
        if state != .new { try await app.setState(path, state) }
        if login == "agent" { return (path, agent) }
        let browser = Browser(app)
        try await browser.login(login)
        return (path, browser)
    }

    @Test("The seller cancels a «Проект»: «Отменен», a history line with the reason, an audit entry")
    func sellerCancelsDraft() async throws {
        try await withKabinet { app in
            // given
            let (path, agent) = try await Self.contract(app, as: "agent")
            let card = try await agent.get(path)

            // when
            let response = try await agent.post("\(path)/status/cancel", [("reason", "Клиент передумал")])
            let after = try await agent.get(path)

            // then
            #expect(card.text.contains("data-action=\"cancel\""))
            #expect(!card.text.contains("data-action=\"markErroneous\""))
            #expect(response.status == .seeOther)
            #expect(after.cell("card-status") == "Отменен")
            #expect(after.text.contains("Статус договора изменен"))
            #expect(after.text.contains("Проект → Отменен"))
            #expect(after.text.contains("Клиент передумал"))
            #expect(try await app.contract(path).status == "cancelled")
            #expect(try await app.auditEntries("contract.cancel").count == 1)
        }
    }

    @Test("The seller cannot cancel a signed contract: 409 with what to do instead")
    func sellerCannotCancelSigned() async throws {
        try await withKabinet { app in
            // given
            let (path, agent) = try await Self.contract(app, ContractState(status: .signed), as: "agent")

            // when
            let response = try await agent.post("\(path)/status/cancel")

            // then
            #expect(response.status == .conflict)
            #expect(response.fieldError("status")
                == "Отменить можно только договор в статусе «Проект»; подписанный договор переводится в «Ошибочный»")
            #expect(try await app.contract(path).status == "signed")
        }
    }

    @Test("«Ошибочный» needs the confirmation; confirmed, the seller marks a signed contract erroneous")
    func erroneousNeedsConfirmation() async throws {
        try await withKabinet { app in
            // given
            let (path, agent) = try await Self.contract(app, ContractState(status: .signed), as: "agent")

            // when
            let unconfirmed = try await agent.post("\(path)/status/markErroneous")
            let statusAfterUnconfirmed = try await app.contract(path).status
            let confirmed = try await agent.post("\(path)/status/markErroneous", [("confirmed", "yes")])

            // then
            #expect(unconfirmed.status == .unprocessableEntity)
            #expect(unconfirmed.fieldError("status")
                == "Подтвердите перевод договора в «Ошибочный»: отменить это может только бэк-офис")
            #expect(statusAfterUnconfirmed == "signed")
            #expect(confirmed.status == .seeOther)
            let contract = try await app.contract(path)
            #expect(contract.status == "erroneous" && contract.erroneousFrom == "signed")
        }
    }

    @Test("Only the back office takes «Ошибочный» back, and only with a reason; it returns to where it came from")
    func onlyBackOfficeRestores() async throws {
        try await withKabinet { app in
            // given
            let erroneous = ContractState(status: .erroneous, payment: .paid, erroneousFrom: .signed)
            let (path, agent) = try await Self.contract(app, erroneous, as: "agent")
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")

            // when
            let bySeller = try await agent.post("\(path)/status/restoreFromErroneous", [("reason", "Нажали случайно")])
            let withoutReason = try await operatorBrowser.post("\(path)/status/restoreFromErroneous", [("reason", " ")])
            let card = try await operatorBrowser.get(path)
            let restored = try await operatorBrowser.post("\(path)/status/restoreFromErroneous", [("reason", "Нажали случайно")])
            let after = try await operatorBrowser.get(path)

            // then
            #expect(bySeller.status == .conflict)
            #expect(bySeller.fieldError("status")
                == "Снять признак «Ошибочный» может только бэк-офис: обратитесь к оператору")
            #expect(withoutReason.status == .unprocessableEntity)
            #expect(withoutReason.fieldError("status") == "Укажите причину")
            #expect(card.text.contains("data-action=\"restoreFromErroneous\""))
            #expect(restored.status == .seeOther)
            let contract = try await app.contract(path)
            #expect(contract.status == "signed" && contract.erroneousFrom == nil && contract.paymentStatus == "paid")
            #expect(after.text.contains("Ошибочный → Подписан"))
            #expect(after.text.contains("Нажали случайно"))
            #expect(after.cell("card-back-office") == "Передано агенту")
        }
    }

    @Test("The back office records the payment and accepts a paid contract; the seller may do neither")
    func backOfficePaysAndAccepts() async throws {
        try await withKabinet { app in
            // given
            let (path, agent) = try await Self.contract(app, ContractState(status: .signed), as: "agent")
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")

            // when
            let sellerPays = try await agent.post("\(path)/status/pay")
            let acceptUnpaid = try await operatorBrowser.post("\(path)/status/accept")
            let pays = try await operatorBrowser.post("\(path)/status/pay")
            let paysAgain = try await operatorBrowser.post("\(path)/status/pay")
            let accepts = try await operatorBrowser.post("\(path)/status/accept")
            let card = try await agent.get(path)

            // then
            #expect(sellerPays.status == .conflict)
            #expect(sellerPays.fieldError("status") == "Действие «Отметить оплату» недоступно для вашей роли")
            #expect(acceptUnpaid.status == .conflict)
            #expect(acceptUnpaid.fieldError("status") == "Принять в СК можно только оплаченный договор")
            #expect(pays.status == .seeOther)
            #expect(paysAgain.fieldError("status") == "Договор уже оплачен")
            #expect(accepts.status == .seeOther)
            let contract = try await app.contract(path)
            #expect(contract.status == "accepted" && contract.paymentStatus == "paid")
            #expect(contract.paidAmountMinor == contract.premiumMinor && contract.paidAt != nil)
            #expect(card.cell("card-status") == "Принят СК")
            #expect(card.cell("card-payment") == "Оплачен")
            #expect(card.cell("card-paid") == SeedExample.rub("100 000,00"))
            #expect(card.cell("card-back-office") == "Договор подписан")
        }
    }

    @Test("The back office sets «Требуется работы по договору» with its text and clears it; the seller cannot")
    func requiredWork() async throws {
        try await withKabinet { app in
            // given
            let (path, agent) = try await Self.contract(app, ContractState(status: .signed), as: "agent")
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")

            // when
            let bySeller = try await agent.post("\(path)/status/requireWork", [("text", "Загрузить скан паспорта")])
            let empty = try await operatorBrowser.post("\(path)/status/requireWork", [("text", "")])
            let set = try await operatorBrowser.post("\(path)/status/requireWork", [("text", "Загрузить скан паспорта")])
            let card = try await agent.get(path)
            let cleared = try await operatorBrowser.post("\(path)/status/clearRequiredWork")

            // then
            #expect(bySeller.status == .conflict)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.fieldError("status") == "Опишите, какие работы требуются")
            #expect(set.status == .seeOther)
            #expect(card.text.contains("Загрузить скан паспорта"))
            #expect(cleared.status == .seeOther)
            let contract = try await app.contract(path)
            #expect(!contract.workRequired && contract.workText == nil)
        }
    }

    @Test("The seller cannot mark a «Проект» erroneous, and the back office cannot sign: refusals with reasons")
    func otherRefusals() async throws {
        try await withKabinet { app in
            // given
            let (path, agent) = try await Self.contract(app, as: "agent")
            let operatorBrowser = Browser(app)
            try await operatorBrowser.login("operator")

            // when
            let erroneous = try await agent.post("\(path)/status/markErroneous", [("confirmed", "yes")])
            let sign = try await operatorBrowser.post("\(path)/status/sign")
            let unknown = try await agent.post("\(path)/status/explode")

            // then
            #expect(erroneous.status == .conflict)
            #expect(erroneous.fieldError("status")
                == "В «Ошибочный» переводится только подписанный договор; договор в статусе «Проект» можно отменить")
            #expect(sign.status == .conflict)
            #expect(sign.fieldError("status") == "Действие «Подписать» недоступно для вашей роли")
            #expect(unknown.status == .notFound)
            #expect(try await app.contract(path).status == "draft")
        }
    }
}
