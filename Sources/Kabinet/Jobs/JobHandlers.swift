import Fluent
import Foundation
import Vapor

/// What a job handler gets: the application's services and a database handle.
struct JobContext: Sendable {
    let application: Application
    let logger: Logger
    var db: any Database { application.db }
}

/// Which worker loop runs a kind. Long jobs (a report over a million contracts, the month's acts) and calls to
/// other systems (webhooks, which may wait on a slow or unreachable address) have loops of their own, so an
/// e-mail or an SMS code queued behind one still goes out at once.
enum JobLane: String, Sendable, CaseIterable {
    case quick
    case long
    case outbound
}

/// The handlers by job kind. Modules register theirs in configure; an unknown kind fails the job visibly.
struct JobHandlers: Sendable {
    typealias Handler = @Sendable (JobContext, Data) async throws -> Void
    private(set) var handlers: [String: Handler] = [:]
    /// The kinds of every lane but the quick one; a kind in none of them is quick.
    private var laneKinds: [JobLane: Set<String>] = [:]

    mutating func register<P: Decodable & Sendable>(
        _ kind: String, as type: P.Type, lane: JobLane = .quick,
        _ run: @escaping @Sendable (JobContext, P) async throws -> Void
    ) {
        handlers[kind] = { context, data in
            try await run(context, try JSONDecoder().decode(P.self, from: data))
        }
        for other in JobLane.allCases { laneKinds[other]?.remove(kind) }
        if lane != .quick { laneKinds[lane, default: []].insert(kind) }
    }

    /// The kinds a lane other than the quick one runs.
    func kinds(in lane: JobLane) -> Set<String> { laneKinds[lane] ?? [] }

    /// Every kind that does not run in the quick lane.
    var slowKinds: Set<String> { laneKinds.values.reduce(into: []) { $0.formUnion($1) } }

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
