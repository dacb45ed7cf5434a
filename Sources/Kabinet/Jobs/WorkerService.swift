import Foundation
import Vapor

/// Runs the job worker inside the server process (`kabinet serve`) or alone (`kabinet worker`).
final class WorkerService: LifecycleHandler, @unchecked Sendable {
    private var task: Task<Void, Never>?
    private let interval: Double

    init(interval: Double) {
        self.interval = interval
    }

    func didBootAsync(_ application: Application) async throws {
        start(application)
    }

    func start(_ application: Application) {
        let interval = interval
        task = Task { await Self.run(application, every: interval) }
    }

    /// One polling loop per lane, so a long report never holds back the e-mails and codes queued after it; until
    /// cancelled (`kabinet serve` through `start`, `kabinet worker` directly).
    static func run(_ application: Application, every interval: Double) async {
        await withTaskGroup(of: Void.self) { group in
            for lane in JobLane.allCases {
                group.addTask { await poll(JobWorker(application: application, lane: lane), every: interval) }
            }
        }
    }

    /// Drains due jobs, sleeps `interval` seconds, and again, until cancelled.
    private static func poll(_ worker: JobWorker, every interval: Double) async {
        let application = worker.application
        application.logger.info("Background worker started",
            metadata: ["worker": .string(worker.workerID), "lane": .string(worker.lane?.rawValue ?? "all")])
        while !Task.isCancelled {
            do {
                try await worker.drain(limit: 100)
            } catch {
                application.logger.error("Worker pass failed: \(error)")
            }
            try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
    }
}
