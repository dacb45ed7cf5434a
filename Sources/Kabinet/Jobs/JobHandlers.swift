import Fluent
import Foundation
import Vapor

/// What a job handler gets: the application's services and a database handle.
struct JobContext: Sendable {
    let application: Application
    let logger: Logger
    var db: any Database { application.db }
}

/// The handlers by job kind. Modules register theirs in configure; an unknown kind fails the job visibly.
struct JobHandlers: Sendable {
    typealias Handler = @Sendable (JobContext, Data) async throws -> Void
    private(set) var handlers: [String: Handler] = [:]

    mutating func register<P: Decodable & Sendable>(
        _ kind: String, as type: P.Type, _ run: @escaping @Sendable (JobContext, P) async throws -> Void
    ) {
        handlers[kind] = { context, data in
            try await run(context, try JSONDecoder().decode(P.self, from: data))
        }
    }

    func handler(for kind: String) -> Handler? { handlers[kind] }
}

/// An empty payload for jobs that need no input (recurring sweeps).
struct NoPayload: Codable, Sendable {}

extension Application {
    private struct JobHandlersKey: StorageKey { typealias Value = JobHandlers }

    var jobHandlers: JobHandlers {
        get { storage[JobHandlersKey.self] ?? JobHandlers() }
        set { storage[JobHandlersKey.self] = newValue }
    }
}
