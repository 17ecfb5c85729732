/// Converses with a confined process while it runs: its standard input is a pipe instead of
/// /dev/null, and the observer, shown what the process has printed, says what to write into that
/// pipe next or that the run should stop (a shell session waiting for a go-ahead after each of
/// its commands).
///
/// `observe` is called synchronously on the thread that collects the process's output, each
/// time standard output grows, with everything read so far (up to the output cap). It must
/// return quickly: nothing is read from the process while it runs.
package protocol OutputObserver: Sendable {
    func observe(_ output: [UInt8]) -> OutputObserverReply
}

/// What an observer wants done after seeing the output so far.
package enum OutputObserverReply: Sendable, Hashable {
    /// Nothing yet: wait for more output.
    case wait
    /// Write these bytes to the process's standard input.
    case send([UInt8])
    /// Kill the process and everything it started, as the time limit does; the outcome says it
    /// was stopped (`ProcessOutcome.stopped`).
    case stop
}
