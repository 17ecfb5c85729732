/// How a child process ended and what it printed.
package struct ProcessOutcome: Sendable {
    enum Ending: Sendable, Hashable {
        case exited(Int32)
        case signaled(Int32)
    }

    var ending: Ending
    /// Standard output, up to the limit.
    package var standardOutput: [UInt8]
    /// Standard error, up to the limit.
    var standardError: [UInt8]
    /// It ran past its time limit and was killed.
    package var timedOut: Bool
    /// It printed more than the limit and was killed.
    var exceededOutputLimit: Bool
    /// It (with everything it started) used no CPU for its stall limit and was killed.
    package var stalled: Bool = false
    /// Its control group ran out of memory (or, under an rlimit, an allocation failed).
    var exceededMemoryLimit = false
    /// A fork was refused at its process-count limit.
    var exceededProcessLimit = false
    /// Files of the repository it changed (only watched where it cannot be made read-only).
    var changedRepository: [String] = []
    /// Its `OutputObserver` had it killed (`.stop`): it ended where the observer wanted.
    package var stopped = false
    package var duration: Duration

    package var succeeded: Bool { ending == .exited(0) && keptToItsLimits }
    /// Nothing stopped it from outside: no limit was reached and the repository is unchanged.
    package var keptToItsLimits: Bool { !timedOut && !exceededOutputLimit && !stalled && !exceededMemoryLimit && changedRepository.isEmpty }
    package var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    package var errorText: String { String(decoding: standardError, as: UTF8.self) }
}
