/// How a child process ended and what it printed.
public struct ProcessOutcome: Sendable {
    public enum Ending: Sendable, Hashable {
        case exited(Int32)
        case signaled(Int32)
    }

    public var ending: Ending
    /// Standard output, up to the limit.
    public var standardOutput: [UInt8]
    /// Standard error, up to the limit.
    public var standardError: [UInt8]
    /// It ran past its time limit and was killed.
    public var timedOut: Bool
    /// It printed more than the limit and was killed.
    public var exceededOutputLimit: Bool
    /// It (with everything it started) used no CPU for its stall limit and was killed.
    public var stalled: Bool = false
    /// Its control group ran out of memory (or, under an rlimit, an allocation failed).
    public var exceededMemoryLimit = false
    /// A fork was refused at its process-count limit.
    public var exceededProcessLimit = false
    /// Files of the repository it changed (only watched where it cannot be made read-only).
    public var changedRepository: [String] = []
    public var duration: Duration

    public var succeeded: Bool { ending == .exited(0) && !timedOut && !exceededOutputLimit && !stalled && !exceededMemoryLimit && changedRepository.isEmpty }
    public var outputText: String { String(decoding: standardOutput, as: UTF8.self) }
    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}
