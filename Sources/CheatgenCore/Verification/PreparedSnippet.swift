/// A snippet with its program, ready for its language.
struct PreparedSnippet: Sendable {
    var snippet: Snippet
    var source: EffectiveSource
    /// What its runs may use and must meet.
    var limits: RunLimits
    /// When work on it began, for the durations in reports.
    var started: ContinuousClock.Instant
}
