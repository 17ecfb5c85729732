import Synchronization

/// Work that several callers may ask for at once, done once per key: later callers await the
/// first caller's task instead of starting their own.
package final class SharedWork<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let tasks = Mutex<[Key: Task<Value, Never>]>([:])

    package init() {}

    package func value(for key: Key, work: @escaping @Sendable () async -> Value) async -> Value {
        let task = tasks.withLock { tasks in
            if let running = tasks[key] { return running }
            let task = Task { await work() }
            tasks[key] = task
            return task
        }
        return await task.value
    }
}
