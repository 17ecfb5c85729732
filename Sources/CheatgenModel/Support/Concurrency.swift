import Foundation
import Synchronization

/// Maps `items` through `body` with at most `width` calls in flight; results in input order.
package func forEachConcurrently<Item: Sendable, Output: Sendable>(
    _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) async throws -> Output
) async throws -> [Output] {
    try await withThrowingTaskGroup(of: (Int, Output).self) { group in
        var results = [Output?](repeating: nil, count: items.count)
        var next = 0
        for _ in 0..<min(max(width, 1), items.count) {
            let index = next
            group.addTask { (index, try await body(items[index])) }
            next += 1
        }
        while let (index, output) = try await group.next() {
            results[index] = output
            if next < items.count {
                let index = next
                group.addTask { (index, try await body(items[index])) }
                next += 1
            }
        }
        return results.map { $0! }
    }
}

/// Maps `items` through `body` on all cores, blocking until every call is done; results in
/// input order. For CPU-bound work that is not async (parsing).
package func concurrentMap<Item: Sendable, Output: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> Output) -> [Output] {
    guard items.count > 1 else { return items.map(body) }
    let results = Results<Output>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, body(items[index]))
    }
    return results.values
}

private final class Results<Output: Sendable>: Sendable {
    // Each slot is written once; read after every writer is done.
    private let slots: Mutex<[Output?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ index: Int, _ value: Output) { slots.withLock { $0[index] = value } }
    var values: [Output] { slots.withLock { $0.map { $0! } } }
}
