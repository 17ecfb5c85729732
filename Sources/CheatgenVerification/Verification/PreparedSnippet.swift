import CheatgenModel

/// A snippet with its program, ready for its language.
package struct PreparedSnippet: Sendable {
    package var snippet: Snippet
    package var source: EffectiveSource
    /// What its runs may use and must meet.
    package var limits: RunLimits
    /// When work on it began, for the durations in reports.
    var started: ContinuousClock.Instant
}
