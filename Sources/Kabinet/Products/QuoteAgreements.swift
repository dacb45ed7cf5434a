import Fluent
import Foundation
import KabinetDomain

/// Which agency agreements («Номер АД») a user may price and save quotes under: a seller only their own agency's,
/// the back office (visibility over everything) any agency's.
enum QuoteAgreements {
    static func available(to actor: Actor, on db: any Database) async throws -> [AgencyAgreement] {
        let query = AgencyAgreement.query(on: db).with(\.$agency).sort(\.$number)
        if actor.subject.scope != .all {
            guard let agency = actor.subject.agencyID else { return [] }
            query.filter(\.$agency.$id == agency)
        }
        return try await query.all()
    }

    /// The agreement with this number if the actor may use it and it is in force on `start`; otherwise the field
    /// error shown next to «Номер АД». Another agency's number reads as unknown, so numbers cannot be probed.
    static func check(_ number: String?, start: CalendarDate?, actor: Actor, on db: any Database)
        async throws -> Result<AgencyAgreement, QuoteRejection>
    {
        let number = (number ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !number.isEmpty else { return .failure(QuoteRejection([FieldError(.agreement, .pricingRequired)])) }
        let found = try await AgencyAgreement.query(on: db).filter(\.$number == number).first()
        guard let agreement = found,
              actor.subject.scope == .all || agreement.$agency.id == actor.subject.agencyID
        else { return .failure(QuoteRejection([FieldError(.agreement, .pricingAgreementUnknown, ["value": number])])) }
        if let start, !inForce(agreement, on: start) {
            return .failure(QuoteRejection([FieldError(.agreement, .pricingAgreementNotValid, ["value": number, "start": start.iso])]))
        }
        return .success(agreement)
    }

    /// Agreement days are stored as instants (start of the day in Moscow or noon UTC); read in Moscow both give
    /// the typed day.
    static func inForce(_ agreement: AgencyAgreement, on day: CalendarDate) -> Bool {
        let starts = CalendarDate(agreement.startsOn, timeZone: MoscowTime.zone)
        let ends = agreement.endsOn.map { CalendarDate($0, timeZone: MoscowTime.zone) }
        return starts <= day && (ends.map { day <= $0 } ?? true)
    }
}
