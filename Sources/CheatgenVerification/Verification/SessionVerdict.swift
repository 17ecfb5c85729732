import CheatgenModel

/// Whose failure a session snippet's failure is. An error at an earlier snippet's lines is
/// that snippet's (its own verdict reports it); a snippet whose program broke only there, or
/// stopped before reaching it, blames the earlier snippets and is tried without them.
enum SessionVerdict {
    /// The earlier snippets a failed verdict blames, or none when the snippet failed on its own
    /// (an error at its own lines, wrong output of its own). `failed`: the snippets that failed
    /// in this run, blamed when the program stopped before the snippet without saying where.
    static func culprits(of result: SnippetResult, plan: SessionPlan, failed: Set<SnippetPlace>) -> [Snippet] {
        let errors = result.diagnostics.filter { $0.severity == .error }
        var blamed: [Snippet] = []
        var stopped = false
        for error in errors {
            if let part = plan.part(holding: error.location) {
                if !blamed.contains(part) { blamed.append(part) }
            } else if error.message == SessionOutput.stoppedEarlier {
                stopped = true
            } else {
                return []  // its own failure
            }
        }
        if stopped && blamed.isEmpty {
            blamed = plan.earlier.map(\.snippet).filter { failed.contains(SnippetPlace($0)) }
        }
        return blamed.sorted { $0.index < $1.index }
    }

    /// The final verdict as the page's reader needs it: errors at earlier snippets' lines left
    /// to those snippets, and a failure that may come from a missing or broken earlier snippet
    /// saying which one it depends on.
    static func worded(_ result: SnippetResult, plan: SessionPlan, failed: Set<SnippetPlace>) -> SnippetResult {
        guard result.status == .failed else { return result }
        var result = result
        let theirs = result.diagnostics.filter { $0.severity == .error && plan.part(holding: $0.location) != nil }
        let blamed = (plan.leftOut + theirs.compactMap { plan.part(holding: $0.location) })
        guard let first = blamed.min(by: { $0.index < $1.index }) else { return result }
        let place = "\(first.location.path):\(first.location.line)"
        // An earlier snippet that passed on its own can still break a later program (a name it
        // uses was declared again further down).
        let why = failed.contains(SnippetPlace(first)) ? "which failed" : "which does not compile in this snippet's program"
        let note = Diagnostic(.note, at: first.location, "depends on the snippet at \(place), \(why)")
        var own = result.diagnostics.filter { diagnostic in !theirs.contains(diagnostic) }
        if !own.contains(where: { $0.severity == .error }) {
            own.append(.error("snippet not verified: it depends on the snippet at \(place), \(why)", at: result.snippet.location))
        }
        result.diagnostics = own.map { diagnostic in
            guard diagnostic.severity == .error else { return diagnostic }
            var diagnostic = diagnostic
            diagnostic.notes.append(note)
            return diagnostic
        }
        return result
    }
}
