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
        let worker = JobWorker(application: application)
        let interval = interval
        task = Task {
            application.logger.info("Background worker started", metadata: ["worker": .string(worker.workerID)])
            while !Task.isCancelled {
                do {
                    try await worker.drain(limit: 100)
                } catch {
                    application.logger.error("Worker pass failed: \(error)")
                }
                try? await Task.sleep(for: .milliseconds(Int(interval * 1000)))
            }
        }
    }

    func shutdownAsync(_ application: Application) async {
        task?.cancel()
        await task?.value
    }
}
