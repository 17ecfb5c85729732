/// What a language needs from the run it is part of.
package struct VerificationContext: Sendable {
    package var options: VerificationOptions
    /// A folder for this run's temporary files, removed at the end.
    package var scratch: String
    /// Tells the run (progress, live reports) that a verdict is known; returns it for chaining.
    package var report: @Sendable (SnippetResult) -> SnippetResult

    package func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock().now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
