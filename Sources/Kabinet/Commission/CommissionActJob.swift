import Fluent
import Foundation
import KabinetDomain

/// The recurring job (daily; scheduled by `CreateCommission`) that makes last month's acts. Running it again the
/// same month changes nothing, so a daily run simply catches payments recorded late and a missed day.
enum CommissionActJob {
    static let kind = "commission.acts"

    static func register(in handlers: inout JobHandlers) {
        handlers.register(kind, as: NoPayload.self, lane: .long) { context, _ in
            try await run(context.db, now: Date())
        }
    }

    /// 03:00 Moscow time of the day after `date`: the quiet hour, after the day's payments have all come in.
    static func nextNightlyRun(after date: Date) -> Date {
        CalendarDate(date, timeZone: MoscowTime.zone).adding(days: 1).moscowStart.addingTimeInterval(3 * 3600)
    }

    @discardableResult
    static func run(_ db: any Database, now: Date) async throws -> [CommissionActGenerator.Outcome] {
        let month = ActMonth(containing: CalendarDate(now, timeZone: MoscowTime.zone)).previous
        return try await CommissionActGenerator(database: db).generateAll(month: month, by: "system",
                                                                         audit: Audit.system(db), now: now)
    }
}
