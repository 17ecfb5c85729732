import Foundation
import Synchronization

/// What the server knows about the latest build: a generation number that live pages poll,
/// and the diagnostics of a failed build, shown in the page itself.
final class LiveState: Sendable {
    private let state = Mutex((generation: 0, problems: [String]()))

    var generation: Int { state.withLock { $0.generation } }
    var problems: [String] { state.withLock { $0.problems } }

    /// Records a finished build; every open page reloads.
    func built(problems: [String]) {
        state.withLock {
            $0.generation += 1
            $0.problems = problems
        }
    }
}
