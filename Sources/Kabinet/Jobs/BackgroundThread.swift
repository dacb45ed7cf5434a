import Foundation
import NIOConcurrencyHelpers

/// Runs long, CPU-bound work (a report over a million rows) on a thread of its own at a lower scheduling priority,
/// so the event loops that answer people keep the processor when both want it. An `async` caller awaits the result
/// without holding an event loop or a thread of the cooperative pool; cancelling the caller raises `isCancelled`,
/// which the work checks between rows.
enum BackgroundThread {
    /// The `nice` added to the thread (Linux schedules threads separately): 10 gives it about a tenth of a core
    /// against a busy request thread, and all of an idle one.
    static let niceness: Int32 = 10

    final class Cancellation: Sendable {
        private let flag = NIOLockedValueBox(false)
        var isCancelled: Bool { flag.withLockedValue { $0 } }
        fileprivate func cancel() { flag.withLockedValue { $0 = true } }
    }

    static func run<Value: Sendable>(_ work: @escaping @Sendable (Cancellation) throws -> Value) async throws -> Value {
        let cancellation = Cancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    lowerPriority()
                    continuation.resume(with: Result { try work(cancellation) })
                }
                thread.start()
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// On Linux the nice value belongs to the thread, and `who` 0 names the calling one.
    private static func lowerPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
        #endif
    }
}
