import Foundation
import KabinetDomain
import Testing

@Suite("Application status rules")
struct ApplicationStateMachineTests {
    @Test("The main line: Новое → В работе → Выполнено")
    func mainLine() {
        // given
        let filed = ApplicationStatus.new
        // when
        let taken = ApplicationStateMachine.apply(.take, to: filed, comment: nil)
        let done = ApplicationStateMachine.apply(.complete, to: .inProgress, comment: "Готово")
        // then
        #expect(taken == .success(.inProgress))
        #expect(done == .success(.done))
    }

    @Test("Rejecting needs a comment, from Новое and from В работе", arguments: [ApplicationStatus.new, .inProgress])
    func rejectNeedsComment(status: ApplicationStatus) {
        #expect(ApplicationStateMachine.apply(.reject, to: status, comment: "  ") == .failure(.commentRequired))
        #expect(ApplicationStateMachine.apply(.reject, to: status, comment: nil) == .failure(.commentRequired))
        #expect(ApplicationStateMachine.apply(.reject, to: status, comment: "Нет скана паспорта") == .success(.rejected))
    }

    @Test("A new application cannot be completed before somebody takes it")
    func completeNeedsTaking() {
        #expect(ApplicationStateMachine.apply(.complete, to: .new, comment: nil) == .failure(.notAllowed))
    }

    @Test("Final statuses accept nothing", arguments: [ApplicationStatus.done, .rejected])
    func finalStatuses(status: ApplicationStatus) {
        #expect(status.isFinal)
        #expect(ApplicationStateMachine.actions(from: status).isEmpty)
        for action in ApplicationAction.allCases {
            #expect(ApplicationStateMachine.apply(action, to: status, comment: "x") == .failure(.notAllowed))
        }
    }

    @Test("A comment longer than the card shows is refused")
    func longComment() {
        let long = String(repeating: "я", count: ApplicationStateMachine.maxCommentLength + 1)
        #expect(ApplicationStateMachine.apply(.reject, to: .new, comment: long) == .failure(.commentTooLong))
    }

    @Test("Every action offered from a status succeeds from it with a comment")
    func offeredActionsWork() {
        for status in ApplicationStatus.allCases {
            for action in ApplicationStateMachine.actions(from: status) {
                #expect((try? ApplicationStateMachine.apply(action, to: status, comment: "ok").get()) != nil)
            }
        }
    }
}
