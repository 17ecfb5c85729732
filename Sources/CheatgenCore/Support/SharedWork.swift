import Foundation

/// Work that several callers may ask for at once, done once per key: later callers await the
/// first caller's task instead of starting their own.
final class SharedWork<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [Key: Task<Value, Never>] = [:]

    func value(for key: Key, work: @escaping @Sendable () async -> Value) async -> Value {
        let task = lock.withLock {
            if let running = tasks[key] { return running }
            let task = Task { await work() }
            tasks[key] = task
            return task
        }
        return await task.value
    }
}
