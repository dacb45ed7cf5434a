import Foundation
import Testing
@testable import KabinetDomain

/// Every status change for every role: what is allowed, what it leads to, and the refusal for the rest.
@Suite("Contract status machine")
struct ContractStateMachineTests {
    static let draft = ContractState.new
    static let signed = ContractState(status: .signed)
    static let signedPaid = ContractState(status: .signed, payment: .paid)
    static let accepted = ContractState(status: .accepted, payment: .paid)
    static let cancelled = ContractState(status: .cancelled)
    static let erroneousFromSigned = ContractState(status: .erroneous, erroneousFrom: .signed)
    static let erroneousFromAccepted = ContractState(status: .erroneous, payment: .paid, erroneousFrom: .accepted)
    static let withWork = ContractState(status: .signed, payment: .paid, requiredWork: "Загрузить скан подписанного полиса")

    static let states: [(String, ContractState)] = [
        ("draft", draft), ("signed", signed), ("signedPaid", signedPaid), ("accepted", accepted), ("cancelled", cancelled),
        ("erroneousFromSigned", erroneousFromSigned), ("erroneousFromAccepted", erroneousFromAccepted), ("withWork", withWork),
    ]

    static let actions: [ContractAction] = [
        .sign, .pay, .accept, .cancel(reason: "Клиент передумал"), .markErroneous(confirmed: true),
        .restoreFromErroneous(reason: "Нажали случайно"), .requireWork(text: "Загрузить скан"), .clearRequiredWork,
    ]

    /// The whole whitelist: (state, action, role) → new state. Anything not listed must be refused.
    static let allowed: [String: ContractState] = {
        var allowed: [String: ContractState] = [:]
        func allow(_ state: String, _ action: ContractActionKind, _ roles: [ContractRole], _ result: ContractState) {
            for role in roles { allowed["\(state) \(action) \(role)"] = result }
        }
        let work = "Загрузить скан"
        allow("draft", .sign, [.system], signed)
        allow("signed", .pay, [.system, .backOffice], signedPaid)
        allow("signedPaid", .accept, [.system, .backOffice], accepted)
        allow("withWork", .accept, [.system, .backOffice], ContractState(status: .accepted, payment: .paid, requiredWork: withWork.requiredWork))
        allow("draft", .cancel, [.seller, .backOffice], cancelled)
        allow("signed", .markErroneous, [.seller, .backOffice], erroneousFromSigned)
        allow("signedPaid", .markErroneous, [.seller, .backOffice], ContractState(status: .erroneous, payment: .paid, erroneousFrom: .signed))
        allow("withWork", .markErroneous, [.seller, .backOffice],
              ContractState(status: .erroneous, payment: .paid, erroneousFrom: .signed, requiredWork: withWork.requiredWork))
        allow("accepted", .markErroneous, [.seller, .backOffice], erroneousFromAccepted)
        allow("erroneousFromSigned", .restoreFromErroneous, [.backOffice], signed)
        allow("erroneousFromAccepted", .restoreFromErroneous, [.backOffice], accepted)
        for (name, state) in states where state.status != .cancelled {
            var next = state
            next.requiredWork = work
            allow(name, .requireWork, [.backOffice, .system], next)
        }
        allow("withWork", .clearRequiredWork, [.backOffice, .system], signedPaid)
        return allowed
    }()

    @Test("Exactly the whitelisted changes succeed, with the listed result; every other one is refused")
    func wholeMatrix() {
        var checked = 0
        for (name, state) in Self.states {
            for action in Self.actions {
                for role in ContractRole.allCases {
                    let key = "\(name) \(action.kind) \(role)"
                    let result = ContractStateMachine.apply(action, to: state, by: role)
                    #expect(result.accepted == Self.allowed[key], "\(key): \(String(describing: result))")
                    checked += 1
                }
            }
        }
        #expect(checked == 8 * 8 * 3)
        #expect(Self.allowed.count == 35)
    }

    @Test("Each disallowed change has its own refusal", arguments: [
        ("draft", ContractAction.sign, ContractRole.seller, TransitionRefusal.roleNotAllowed(.sign, .seller)),
        ("signed", .sign, .system, .signNotDraft(.signed)),
        ("draft", .pay, .system, .payNotSigned(.draft)),
        ("cancelled", .pay, .backOffice, .payNotSigned(.cancelled)),
        ("erroneousFromSigned", .pay, .system, .payNotSigned(.erroneous)),
        ("signed", .pay, .seller, .roleNotAllowed(.pay, .seller)),
        ("signedPaid", .pay, .system, .payAlreadyPaid),
        ("accepted", .pay, .system, .payAlreadyPaid),
        ("draft", .accept, .backOffice, .acceptNotSigned(.draft)),
        ("signed", .accept, .backOffice, .acceptUnpaid),
        ("signedPaid", .accept, .seller, .roleNotAllowed(.accept, .seller)),
        ("signed", .cancel(reason: nil), .seller, .cancelNotDraft(.signed)),
        ("accepted", .cancel(reason: nil), .backOffice, .cancelNotDraft(.accepted)),
        ("draft", .cancel(reason: nil), .system, .roleNotAllowed(.cancel, .system)),
        ("draft", .markErroneous(confirmed: true), .seller, .erroneousNotSigned(.draft)),
        ("cancelled", .markErroneous(confirmed: true), .backOffice, .erroneousNotSigned(.cancelled)),
        ("erroneousFromSigned", .markErroneous(confirmed: true), .seller, .erroneousAlready),
        ("signed", .markErroneous(confirmed: false), .seller, .erroneousNotConfirmed),
        ("erroneousFromSigned", .restoreFromErroneous(reason: "Ошибка"), .seller, .restoreBackOfficeOnly),
        ("erroneousFromSigned", .restoreFromErroneous(reason: "Ошибка"), .system, .restoreBackOfficeOnly),
        ("signed", .restoreFromErroneous(reason: "Ошибка"), .backOffice, .restoreNotErroneous(.signed)),
        ("erroneousFromSigned", .restoreFromErroneous(reason: "  "), .backOffice, .reasonRequired),
        ("signed", .requireWork(text: "Скан"), .seller, .roleNotAllowed(.requireWork, .seller)),
        ("signed", .requireWork(text: " "), .backOffice, .workTextRequired),
        ("signed", .requireWork(text: String(repeating: "я", count: 1001)), .backOffice, .workTextTooLong(max: 1000)),
        ("cancelled", .requireWork(text: "Скан"), .backOffice, .workClosedContract(.cancelled)),
        ("signed", .clearRequiredWork, .backOffice, .workNotRequired),
        ("withWork", .clearRequiredWork, .seller, .roleNotAllowed(.clearRequiredWork, .seller)),
    ])
    func refusal(state: String, action: ContractAction, role: ContractRole, expected: TransitionRefusal) throws {
        let from = try #require(Self.states.first { $0.0 == state }?.1)
        #expect(ContractStateMachine.apply(action, to: from, by: role).refusal == expected)
    }

    @Test("The seed's happy path: Проект → Подписан → Оплачен → Принят СК")
    func happyPath() throws {
        let signed = try #require(ContractStateMachine.apply(.sign, to: .new, by: .system).accepted)
        let paid = try #require(ContractStateMachine.apply(.pay, to: signed, by: .system).accepted)
        #expect(paid == ContractState(status: .signed, payment: .paid))
        #expect(BackOfficeStatus(paid) == .handedToAgent)
        let accepted = try #require(ContractStateMachine.apply(.accept, to: paid, by: .backOffice).accepted)
        #expect(accepted == ContractState(status: .accepted, payment: .paid))
    }

    @Test("Erroneous by accident, taken back by the back office to where it was, payment kept")
    func erroneousRoundTrip() throws {
        let marked = try #require(ContractStateMachine.apply(.markErroneous(confirmed: true), to: Self.accepted, by: .seller).accepted)
        #expect(marked.isErroneous && marked.erroneousFrom == .accepted && marked.payment == .paid)
        #expect(!marked.isEditable)
        let transition = try #require(ContractStateMachine.transition(.restoreFromErroneous(reason: " Нажали случайно "),
                                                                      from: marked, by: .backOffice).accepted)
        #expect(transition.to == Self.accepted)
        #expect(transition.reason == "Нажали случайно")
        #expect(transition.role == .backOffice && transition.from == marked)
    }

    @Test("Required work text is trimmed and replaced by a new one")
    func workText() throws {
        let first = try #require(ContractStateMachine.apply(.requireWork(text: "  Скан паспорта \n"), to: Self.signed, by: .backOffice).accepted)
        #expect(first.requiredWork == "Скан паспорта" && first.isWorkRequired)
        let second = try #require(ContractStateMachine.apply(.requireWork(text: "Скан полиса"), to: first, by: .backOffice).accepted)
        #expect(second.requiredWork == "Скан полиса")
    }

    @Test("Buttons on the card: what each role may start in each state")
    func availableActions() {
        #expect(ContractStateMachine.availableActions(for: .new, role: .seller) == [.cancel])
        #expect(ContractStateMachine.availableActions(for: Self.signed, role: .seller) == [.markErroneous])
        #expect(ContractStateMachine.availableActions(for: Self.erroneousFromSigned, role: .seller) == [])
        #expect(ContractStateMachine.availableActions(for: Self.erroneousFromSigned, role: .backOffice)
                == [.restoreFromErroneous, .requireWork])
        #expect(ContractStateMachine.availableActions(for: Self.signed, role: .backOffice) == [.pay, .markErroneous, .requireWork])
        #expect(ContractStateMachine.availableActions(for: Self.withWork, role: .backOffice)
                == [.accept, .markErroneous, .requireWork, .clearRequiredWork])
        #expect(ContractStateMachine.availableActions(for: Self.cancelled, role: .backOffice) == [])
        #expect(ContractStateMachine.availableActions(for: .new, role: .system) == [.sign, .requireWork])
    }

    @Test("Only a draft is editable; names of the statuses are the seed's")
    func namesAndEditing() {
        #expect(ContractState.new.isEditable && !Self.signed.isEditable)
        #expect(ContractStatus.allCases.map(\.russianName) == ["Проект", "Подписан", "Принят СК", "Отменен", "Ошибочный"])
        #expect(ContractStatus.allCases.map(\.englishName) == ["Draft", "Signed", "Accepted by the insurer", "Cancelled", "Erroneous"])
        #expect(PaymentStatus.allCases.map(\.russianName) == ["Не оплачен", "Оплачен"])
        #expect(PaymentStatus.allCases.map(\.englishName) == ["Unpaid", "Paid"])
    }

    @Test("Refusals render as field errors next to the right input")
    func refusalAsFieldError() {
        #expect(TransitionRefusal.workTextRequired.fieldError.field == "requiredWork")
        #expect(TransitionRefusal.reasonRequired.fieldError.field == "reason")
        #expect(TransitionRefusal.erroneousNotConfirmed.fieldError.field == "confirmed")
        let error = TransitionRefusal.cancelNotDraft(.signed).fieldError
        #expect(error == FieldError(field: "status", key: "contract.transition.cancel.not_draft", arguments: ["status": "signed"]))
    }

    @Test("States, actions and transitions survive JSON")
    func codable() throws {
        let transition = ContractTransition(from: Self.signed, to: Self.erroneousFromSigned,
                                            action: .markErroneous(confirmed: true), role: .seller)
        let data = try JSONEncoder().encode(transition)
        #expect(try JSONDecoder().decode(ContractTransition.self, from: data) == transition)
        let refusal = TransitionRefusal.roleNotAllowed(.pay, .seller)
        #expect(try JSONDecoder().decode(TransitionRefusal.self, from: JSONEncoder().encode(refusal)) == refusal)
    }
}
