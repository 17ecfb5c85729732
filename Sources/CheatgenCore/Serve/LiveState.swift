import Foundation

/// What the server knows about the latest build: a generation number that live pages poll,
/// and the diagnostics of a failed build, shown in the page itself.
final class LiveState: @unchecked Sendable {
    private let lock = NSLock()
    private var _generation = 0
    private var _problems: [String] = []

    var generation: Int { lock.withLock { _generation } }
    var problems: [String] { lock.withLock { _problems } }

    /// Records a finished build; every open page reloads.
    func built(problems: [String]) {
        lock.withLock {
            _generation += 1
            _problems = problems
        }
    }
}
