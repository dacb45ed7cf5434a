import Fluent
import Foundation

/// A recurring sweep that forgets what has expired: sessions, used or stale link tokens, finished jobs of old.
enum Housekeeping {
    static let kind = "housekeeping"

    static func register(in handlers: inout JobHandlers) {
        handlers.register(kind, as: NoPayload.self) { context, _ in
            try await sweep(context.db, now: Date())
        }
    }

    static func sweep(_ db: any Database, now: Date) async throws {
        try await UserSession.query(on: db).filter(\.$expiresAt < now).delete()
        try await LinkToken.query(on: db).filter(\.$expiresAt < now.addingTimeInterval(-7 * 24 * 3600)).delete()
        try await Job.query(on: db)
            .filter(\.$status == Job.Status.done.rawValue)
            .filter(\.$finishedAt < now.addingTimeInterval(-14 * 24 * 3600))
            .delete()
    }
}
