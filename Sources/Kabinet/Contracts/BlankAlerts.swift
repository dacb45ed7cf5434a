import Fluent
import Foundation
import KabinetDomain
import SQLKit

/// Tells administrators when an agency agreement's БСО numbers for a product are running low or ran out —
/// once per change of state, so the shortage is fixed before agents meet «Не удалось сгенерировать номер
/// свободного БСО».
///
/// The state change is a compare-and-set in SQL, so of two requests that see the same change only one
/// notifies.
enum BlankAlerts {
    /// The supply of the pair from its ranges.
    static func supply(total: Int, remaining: Int, rule: BlankShortageRule = .standard) -> BlankSupply {
        if remaining == 0 { return .exhausted }
        return rule.isRunningLow(remaining: remaining, total: total) ? .low : .ok
    }

    /// Recomputes the pair's state and, when it changed to low or exhausted and `notify` is set, notifies every
    /// active administrator. A range loaded by an administrator refreshes without notifying: they are looking.
    static func refresh(agreementID: UUID, productCode: String, productName: String, notify: Bool,
                        on db: any Database) async throws {
        let stock = try await BlankNumbering.stock(agreementID: agreementID, productCode: productCode, on: db)
        let state = supply(total: stock.total, remaining: stock.remaining)
        guard try await record(state, agreementID: agreementID, productCode: productCode, on: db),
              notify, state != .ok
        else { return }
        try await notifyAdministrators(state, agreementID: agreementID, productName: productName, stock: stock, on: db)
    }

    /// Stores `state` for the pair; true when it differs from what was stored (a missing row counts as «ok»).
    static func record(_ state: BlankSupply, agreementID: UUID, productCode: String, on db: any Database)
        async throws -> Bool
    {
        guard let sql = db as? any SQLDatabase else { return false }
        let now = Date()
        let updated = try await SQLiteContention.retrying {
            try await sql.raw("""
                UPDATE blank_alerts SET state = \(bind: state.rawValue), changed_at = \(bind: now) \
                WHERE agreement_id = \(bind: agreementID) AND product_code = \(bind: productCode) \
                AND state <> \(bind: state.rawValue) RETURNING id
                """).first()
        }
        if updated != nil { return true }
        guard state != .ok else { return false }
        let inserted = try await SQLiteContention.retrying {
            try await sql.raw("""
                INSERT INTO blank_alerts (id, agreement_id, product_code, state, changed_at) \
                VALUES (\(bind: UUID()), \(bind: agreementID), \(bind: productCode), \(bind: state.rawValue), \(bind: now)) \
                ON CONFLICT (agreement_id, product_code) DO NOTHING RETURNING id
                """).first()
        }
        return inserted != nil
    }

    static func notifyAdministrators(_ state: BlankSupply, agreementID: UUID, productName: String,
                                     stock: (total: Int, remaining: Int), on db: any Database) async throws {
        let agreement = try await AgencyAgreement.find(agreementID, on: db)?.number ?? agreementID.uuidString
        let admins = try await User.query(on: db)
            .filter(\.$roleCode == BuiltInRole.administrator.rawValue).filter(\.$status == .active).all()
        let notifier = Notifier(database: db)
        let kind = state == .exhausted ? "blanks.exhausted" : "blanks.low"
        for admin in admins {
            try await notifier.notify(
                try admin.requireID(), kind: kind, titleKey: "notification.\(kind).title",
                bodyKey: "notification.\(kind).body",
                arguments: [agreement, productName, String(stock.remaining), String(stock.total)],
                link: "/admin/blanks?state=\(state.rawValue)")
        }
    }
}
