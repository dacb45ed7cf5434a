import Foundation

/// Bounds how many test apps live at once. Swift Testing starts every test together; on PostgreSQL each app holds
/// its own connections, and six hundred apps at once came near the server's connection limit (857 of 1000 were
/// counted in one run), where a test fails at random with "too many clients". Tests queue for a slot instead.
actor TestAppSlots {
    static let shared = TestAppSlots(
        limit: ProcessInfo.processInfo.environment["KABINET_TEST_APPS"].flatMap(Int.init).map { max(1, $0) } ?? 48)

    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        free = limit
    }

    func acquire() async {
        if free > 0 {
            free -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the slot straight to the longest waiting test, so none starves.
    func release() {
        if waiting.isEmpty {
            free += 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Runs `body` in a slot, released however `body` ends.
    nonisolated func run<T>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        do {
            let result = try await body()
            await release()
            return result
        } catch {
            await release()
            throw error
        }
    }
}
