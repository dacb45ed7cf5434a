import Fluent
import Foundation
import KabinetDomain
import Vapor

/// Who may see and decide agent acts and rates. Acts are reports in the SPEC's matrix («Мои акты» under
/// «Отчеты»), so seeing them takes `reports.view`; the back office is whoever sees the whole company and may change
/// contract statuses (operator, administrator, a custom back-office role) — the people who check payments.
enum CommissionAccess {
    static func isBackOffice(_ actor: Actor) -> Bool {
        actor.subject.scope == .all && actor.permissions.allows(.contracts, .changeStatus)
    }

    static func requireViewer(_ req: Request) throws -> Actor {
        let actor = try req.actor
        try Authorizer.require(actor, .view, in: .reports)
        return actor
    }

    static func requireBackOffice(_ req: Request) throws -> Actor {
        let actor = try req.actor
        guard isBackOffice(actor) else { throw AppError.forbidden }
        return actor
    }

    /// The agency whose acts the actor sees: nil for the whole company, `.some(nil)` for nothing (a manager
    /// outside any agency), otherwise the actor's own agency — an agent sees every act of their agency's agreements.
    static func agencyFilter(_ actor: Actor) -> UUID?? {
        actor.subject.scope == .all ? .none : .some(actor.subject.agencyID)
    }

    /// The act if the actor may see it; 404 for a missing id and for another agency's act alike.
    static func act(_ req: Request, actor: Actor) async throws -> CommissionAct {
        guard let id = req.parameters.get("id", as: UUID.self), let act = try await CommissionAct.find(id, on: req.db)
        else { throw AppError.notFound }
        if case .some(let agency) = agencyFilter(actor), act.agencyID != agency { throw AppError.notFound }
        return act
    }
}

extension CalendarDate {
    /// The instant this day begins in Moscow: months of acts are Moscow months, as the payment dates people see.
    var moscowStart: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = MoscowTime.zone
        return calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }
}
