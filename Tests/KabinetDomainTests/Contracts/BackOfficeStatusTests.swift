import Foundation
import Testing
@testable import KabinetDomain

/// «Соответствие статусов ДС в В2В и данным ОС Борлас» — the seed's last table.
@Suite("Back-office status mapping")
struct BackOfficeStatusTests {
    @Test("The seed's table, both ways", arguments: [
        (ContractStatus.draft, PaymentStatus.unpaid, BackOfficeStatus.awaitingConfirmation, "Ожидает подтверждения"),
        (.signed, .unpaid, .awaitingPayment, "Ожидает оплату"),
        (.signed, .paid, .handedToAgent, "Передано агенту"),
        (.accepted, .paid, .contractSigned, "Договор подписан"),
    ])
    func table(status: ContractStatus, payment: PaymentStatus, expected: BackOfficeStatus, name: String) {
        #expect(BackOfficeStatus(status: status, payment: payment) == expected)
        #expect(expected.portalStatus == (status, payment))
        #expect(expected.russianName == name)
        #expect(BackOfficeStatus(ContractState(status: status, payment: payment)) == expected)
    }

    @Test("No core-system status outside the table: cancelled, erroneous, impossible pairs")
    func outsideTheTable() {
        for payment in PaymentStatus.allCases {
            #expect(BackOfficeStatus(status: .cancelled, payment: payment) == nil)
            #expect(BackOfficeStatus(status: .erroneous, payment: payment) == nil)
        }
        #expect(BackOfficeStatus(status: .draft, payment: .paid) == nil)
        #expect(BackOfficeStatus(status: .accepted, payment: .unpaid) == nil)
    }

    @Test("Every state the machine can reach from a new contract maps, except cancelled and erroneous")
    func reachableStatesMap() {
        var seen: Set<ContractState> = [.new]
        var queue: [ContractState] = [.new]
        let actions: [ContractAction] = [.sign, .pay, .accept, .cancel(reason: nil), .markErroneous(confirmed: true),
                                         .restoreFromErroneous(reason: "r")]
        while let state = queue.popLast() {
            for action in actions {
                for role in ContractRole.allCases {
                    if let next = ContractStateMachine.apply(action, to: state, by: role).accepted, seen.insert(next).inserted {
                        queue.append(next)
                    }
                }
            }
        }
        #expect(seen.count == 8)
        for state in seen {
            let mapped = BackOfficeStatus(state) != nil
            #expect(mapped == (state.status != .cancelled && state.status != .erroneous), "\(state)")
        }
    }

    @Test("English names exist and differ")
    func englishNames() {
        #expect(Set(BackOfficeStatus.allCases.map(\.englishName)).count == 4)
    }
}
