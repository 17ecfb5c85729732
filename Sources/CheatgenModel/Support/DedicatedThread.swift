import Foundation

/// Runs blocking work — waiting on a `flock`, a `concurrentPerform` over every core — on a
/// thread of its own and suspends until it is done, so none of the cooperative pool's few
/// threads (one per core) is held waiting while other tasks could run.
package func onDedicatedThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// `onDedicatedThread` for work that cannot fail.
package func onDedicatedThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        let thread = Thread { continuation.resume(returning: work()) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
